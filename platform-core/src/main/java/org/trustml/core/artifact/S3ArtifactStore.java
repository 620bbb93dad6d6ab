package org.trustml.core.artifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed storage in a bucket of any S3-compatible server (AWS S3, SeaweedFS, S3Mock, …).
 *
 * <p>The digest is only known once every byte has passed, so {@link #put} uploads to {@code tmp/<uuid>} first while
 * hashing, then copies the object to its content key ({@link ContentKeys#keyOf}) unless that key exists already, and
 * finally deletes the temp object. Content of one part or more goes up as a multipart upload with
 * {@value #PART_SIZE}-byte parts, buffering one part at a time, so memory use per upload is bounded by one part
 * whatever the size of the content. Any failure, the size limit included, aborts the multipart upload and deletes the
 * temp object, so nothing is left behind.
 *
 * <p>The copy to the content key is a single {@code CopyObject}, which S3 allows up to 5 GiB; hence
 * {@link #maxBytes()} may not exceed that.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

  /** Multipart part size: S3 requires at least 5 MiB for every part but the last. */
  static final int PART_SIZE = 8 * 1024 * 1024;

  /** Largest object a single {@code CopyObject} accepts. */
  static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;

  /** First read of a put; content shorter than this never allocates a whole part. */
  static final int FIRST_READ = 64 * 1024;

  static final String TMP_PREFIX = "tmp/";

  private final S3Client s3;
  private final String bucket;
  private final long maxBytes;
  private final boolean ownsClient;

  /**
   * A store on a client configured by the caller, who keeps ownership of it ({@link #close()} leaves it open).
   *
   * @param s3 the client; for non-AWS servers it should use path-style access and {@code WHEN_REQUIRED} checksums
   *     (see {@link #create})
   * @param bucket the bucket holding {@code tmp/} and {@code cas/}
   * @param maxBytes largest content accepted by {@link #put}, at most 5 GiB
   */
  public S3ArtifactStore(S3Client s3, String bucket, long maxBytes) {
    this(s3, bucket, maxBytes, false);
  }

  private S3ArtifactStore(S3Client s3, String bucket, long maxBytes, boolean ownsClient) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    if (maxBytes < 0 || maxBytes > MAX_COPY_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be between 0 and " + MAX_COPY_BYTES + " (single CopyObject limit), was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.ownsClient = ownsClient;
  }

  /**
   * Builds a store with its own client for an S3-compatible endpoint; {@link #close()} closes that client.
   *
   * <p>The client uses path-style URLs (most non-AWS servers have no per-bucket DNS names), static credentials, the
   * JDK's URL-connection HTTP client, and computes/validates checksums only where an operation requires them: since
   * SDK 2.30 the default is to send CRC32 checksums on every upload, which many S3-compatible servers reject.
   *
   * @param endpoint e.g. {@code http://localhost:8333}
   * @param region signing region, e.g. {@code us-east-1}
   * @param accessKey access key id
   * @param secretKey secret access key
   * @param bucket the bucket holding the content
   * @param maxBytes largest content accepted by {@link #put}, at most 5 GiB
   */
  public static S3ArtifactStore create(
      URI endpoint, String region, String accessKey, String secretKey, String bucket, long maxBytes) {
    S3Client client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60)))
            .build();
    return new S3ArtifactStore(client, bucket, maxBytes, true);
  }

  /**
   * Creates the bucket unless it exists; called at start-up. A bucket created concurrently by someone else counts as
   * existing.
   */
  public void ensureBucket() throws IOException {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return;
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new IOException("s3 HeadBucket failed for bucket " + bucket, e);
      }
    } catch (SdkException e) {
      throw new IOException("s3 HeadBucket failed for bucket " + bucket, e);
    }
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException raced) {
      // created between our HEAD and CREATE (another replica starting): fine
    } catch (SdkException e) {
      throw new IOException("s3 CreateBucket failed for bucket " + bucket, e);
    }
  }

  @Override
  public ArtifactRef put(InputStream data, String mediaType, String name) throws IOException {
    HashingLimitedInputStream hashing = new HashingLimitedInputStream(data, maxBytes);
    String tmpKey = TMP_PREFIX + UUID.randomUUID();
    String uploadId = null;
    boolean tmpWritten = false;
    try {
      // most artifacts are small: read a little first and grow to a full part buffer only when there is more
      byte[] part = new byte[FIRST_READ];
      int n = hashing.readNBytes(part, 0, FIRST_READ);
      if (n == FIRST_READ) {
        part = Arrays.copyOf(part, PART_SIZE);
        n += hashing.readNBytes(part, FIRST_READ, PART_SIZE - FIRST_READ);
      }
      byte[] buf = part;
      if (n < PART_SIZE) {
        // all of the content fits in one buffer: a plain PUT is one request instead of three
        s3.putObject(b -> b.bucket(bucket).key(tmpKey), body(buf, n));
        tmpWritten = true;
      } else {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(tmpKey)).uploadId();
        uploadId = id;
        List<CompletedPart> parts = new ArrayList<>();
        // the single buffer is re-filled only after the previous part's synchronous upload returned
        while (n > 0) {
          int partNumber = parts.size() + 1;
          long len = n;
          String etag =
              s3.uploadPart(
                      b -> b.bucket(bucket).key(tmpKey).uploadId(id).partNumber(partNumber).contentLength(len),
                      body(buf, n))
                  .eTag();
          parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
          n = hashing.readNBytes(buf, 0, PART_SIZE);
        }
        s3.completeMultipartUpload(
            b -> b.bucket(bucket).key(tmpKey).uploadId(id).multipartUpload(m -> m.parts(parts)));
        uploadId = null;
        tmpWritten = true;
      }
      String sha = hashing.sha256();
      String key = ContentKeys.keyOf(sha);
      if (head(key) == null) {
        // two writers of the same content may both copy: same bytes under the same key, so last one wins harmlessly
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(tmpKey).destinationBucket(bucket).destinationKey(key));
      }
      return new ArtifactRef(sha, hashing.count(), mediaType, name);
    } catch (SdkException e) {
      throw new IOException("s3 upload of " + tmpKey + " to bucket " + bucket + " failed", e);
    } finally {
      cleanUp(tmpKey, uploadId, tmpWritten);
    }
  }

  /** Removes what a put left under {@code tmp/}; failures to clean up never hide the put's own outcome. */
  private void cleanUp(String tmpKey, String uploadId, boolean tmpWritten) {
    if (uploadId != null) {
      try {
        // an unfinished multipart upload keeps its parts (and their storage) until aborted
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(tmpKey).uploadId(uploadId));
      } catch (SdkException ignored) {
        // best effort; a bucket lifecycle rule for tmp/ and incomplete uploads is the backstop
      }
    }
    if (tmpWritten) {
      try {
        s3.deleteObject(b -> b.bucket(bucket).key(tmpKey));
      } catch (SdkException ignored) {
        // best effort, as above
      }
    }
  }

  /** A body that re-reads the buffer on every retry or signing pass, without copying it. */
  private static RequestBody body(byte[] buf, int len) {
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(buf, 0, len), len, "application/octet-stream");
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    String key = ContentKeys.keyOf(sha256);
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new ArtifactNotFoundException(sha256);
    } catch (SdkException e) {
      throw new IOException("s3 GetObject failed for " + key, e);
    }
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    return head(ContentKeys.keyOf(sha256)) != null;
  }

  @Override
  public long size(String sha256) throws IOException {
    HeadObjectResponse head = head(ContentKeys.keyOf(sha256));
    if (head == null) {
      throw new ArtifactNotFoundException(sha256);
    }
    return head.contentLength();
  }

  /** HEAD of a key, or null when it does not exist. */
  private HeadObjectResponse head(String key) throws IOException {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key));
    } catch (S3Exception e) {
      // HEAD responses have no body, so a missing key may surface as NoSuchKeyException or a bare 404
      if (e.statusCode() == 404) {
        return null;
      }
      throw new IOException("s3 HeadObject failed for " + key, e);
    } catch (SdkException e) {
      throw new IOException("s3 HeadObject failed for " + key, e);
    }
  }

  @Override
  public long maxBytes() {
    return maxBytes;
  }

  /** Always {@code s3}. */
  @Override
  public String kind() {
    return "s3";
  }

  /** The bucket holding the content. */
  public String bucket() {
    return bucket;
  }

  /** Closes the client if {@link #create} built it; a client passed to the constructor stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }
}
