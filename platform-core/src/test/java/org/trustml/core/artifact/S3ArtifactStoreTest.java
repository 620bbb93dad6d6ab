package org.trustml.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.core.testing.S3MockServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The contract against S3Mock run as a separate process (one per JVM), with a fresh bucket for this class. Stores are
 * built through {@link S3ArtifactStore#create} so the factory's client settings are what gets tested.
 */
class S3ArtifactStoreTest extends ArtifactStoreContract {

  static S3MockServer server;
  static S3Client admin;
  static String bucket;

  private final List<S3ArtifactStore> stores = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = S3MockServer.shared();
    System.out.printf("S3Mock start-up took %d ms%n", server.startupTime().toMillis());
    admin =
        S3Client.builder()
            .endpointOverride(server.endpoint())
            .region(Region.of(server.region()))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    bucket = "artifacts-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3ArtifactStore store = newS3Store(1)) {
      store.ensureBucket();
    }
  }

  @AfterAll
  static void closeClient() {
    if (admin != null) {
      admin.close();
    }
  }

  @AfterEach
  void closeStores() {
    stores.forEach(S3ArtifactStore::close);
    stores.clear();
  }

  static S3ArtifactStore newS3Store(long maxBytes) {
    return S3ArtifactStore.create(
        server.endpoint(), server.region(), server.accessKey(), server.secretKey(), bucket, maxBytes);
  }

  @Override
  ArtifactStore newStore(long maxBytes) {
    S3ArtifactStore store = newS3Store(maxBytes);
    stores.add(store);
    return store;
  }

  /** All object keys in the bucket plus {@code upload:<key>} for every multipart upload not completed or aborted. */
  @Override
  Set<String> storedEntries(ArtifactStore store) {
    Set<String> entries = new TreeSet<>();
    admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).forEach(entries::add);
    admin.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
        .map(MultipartUpload::key)
        .forEach(k -> entries.add("upload:" + k));
    return entries;
  }

  @Test
  void ensureBucketIsIdempotentAndCreatesMissingBuckets() throws Exception {
    try (S3ArtifactStore store = newS3Store(1)) {
      store.ensureBucket();
      store.ensureBucket();
    }
    String other = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3ArtifactStore store =
        S3ArtifactStore.create(server.endpoint(), server.region(), server.accessKey(), server.secretKey(), other, 1)) {
      store.ensureBucket();
      assertThat(admin.headBucket(b -> b.bucket(other)).sdkHttpResponse().isSuccessful()).isTrue();
      assertThat(store.kind()).isEqualTo("s3");
      assertThat(store.bucket()).isEqualTo(other);
    }
  }

  @Test
  void contentOfExactlyOnePartRoundTrips() throws Exception {
    // a full first buffer starts a multipart upload even though no second part follows
    ArtifactStore store = newStore(16 * MiB);
    long length = S3ArtifactStore.PART_SIZE;
    String expected = sha256(new GeneratedStream(length, 11));

    ArtifactRef ref = store.put(new GeneratedStream(length, 11), "application/octet-stream", "one-part");

    assertThat(ref.sha256()).isEqualTo(expected);
    assertThat(store.size(expected)).isEqualTo(length);
    assertStoredOnceWithoutTemps(store, expected);
  }

  @Test
  void contentAroundTheFirstReadBoundaryRoundTrips() throws Exception {
    ArtifactStore store = newStore(MiB);
    for (int length :
        new int[] {S3ArtifactStore.FIRST_READ - 1, S3ArtifactStore.FIRST_READ, S3ArtifactStore.FIRST_READ + 1}) {
      byte[] data = randomBytes(length, length);
      ArtifactRef ref = store.putBytes(data, "application/octet-stream", "b");
      assertThat(ref.sha256()).isEqualTo(sha256(data));
      assertThat(store.readAllBytes(ref.sha256())).isEqualTo(data);
      assertStoredOnceWithoutTemps(store, ref.sha256());
    }
  }
}
