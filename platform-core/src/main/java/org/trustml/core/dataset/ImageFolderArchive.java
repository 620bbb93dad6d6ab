package org.trustml.core.dataset;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an image folder shipped as one ZIP archive, laid out as torchvision's ImageFolder: {@code <class>/<image>}
 * with {@code .png}, {@code .jpg} or {@code .jpeg} images, optionally all under one top-level folder (what zipping a
 * folder gives). Streams the archive once with {@link ZipInputStream} and hands each image entry to a visitor with
 * its class; it holds no image, only a digest of each entry name (to refuse duplicates), the folder names and the
 * class counts.
 *
 * <p>Refused with a 400 {@code malformed-image-folder} naming the entry: a name that escapes the archive ({@code ..},
 * an absolute path, a backslash), a file outside any class folder or nested deeper than {@code class/file}, entries
 * that do not share the first image's layout, a non-image file, a duplicate name, a name longer than 1,024
 * characters or not UTF-8, an entry larger than the limit, too many entries, a class folder with no image, and corrupt ZIP data. Hidden files and folders (a leading dot) and
 * macOS's {@code __MACOSX} folder are skipped, as the loaders skip them.
 */
public final class ImageFolderArchive {

  /** What an archive may hold: bounds the work and memory of reading one. */
  public record Limits(int maxEntries, long maxEntryBytes) {

    /** 200,000 entries, 64 MiB per entry (decompressed). */
    public static Limits defaults() {
      return new Limits(200_000, 64L << 20);
    }
  }

  /**
   * An image entry.
   *
   * @param entry the entry's name in the archive
   * @param className its class folder
   * @param fileName its file name in that folder
   */
  public record ImageEntry(String entry, String className, String fileName) {}

  /** Receives each image entry in archive order. */
  @FunctionalInterface
  public interface Visitor {

    /** {@code content} is the entry's bytes, ending at its end and limited to the entry size; do not close it. */
    void image(ImageEntry entry, InputStream content) throws IOException;
  }

  private static final String MACOS_METADATA = "__MACOSX";
  /** Longer entry names are refused: the walk keeps class and folder names, so they bound its memory. */
  static final int MAX_NAME_LENGTH = 1024;

  private ImageFolderArchive() {}

  /** {@link #walk(InputStream, Limits, Visitor)} with the default limits. */
  public static List<ImageClass> walk(InputStream zip, Visitor visitor) throws IOException {
    return walk(zip, Limits.defaults(), visitor);
  }

  /**
   * Checks the archive's layout and passes every image to {@code visitor}. The stream is read but not closed.
   *
   * @return the classes, sorted by name (a class's code is its index), with their image counts
   * @throws org.trustml.core.web.ProblemException {@code malformed-image-folder}, naming the entry where there is one
   */
  public static List<ImageClass> walk(InputStream zip, Limits limits, Visitor visitor) throws IOException {
    Walk walk = new Walk(limits);
    TailWatch source = new TailWatch(zip);
    try (ZipInputStream in = new ZipInputStream(source)) {
      ZipEntry e;
      while ((e = walk.next(in)) != null) {
        walk.accept(e, in, visitor);
      }
    }
    List<ImageClass> classes = walk.classes();
    // ZipInputStream takes a local header cut short for the end of the entries, so a cut archive would pass as a
    // smaller one: a whole archive ends with its end-of-central-directory record
    source.transferTo(OutputStream.nullOutputStream());
    if (!source.endsWithEndRecord()) {
      throw Problems.imageFolder("the ZIP data is truncated: it does not end with the archive's central directory");
    }
    return classes;
  }

  /**
   * Extracts the images into {@code dir} as {@code dir/<class>/<file>} (the top-level folder, if any, dropped), the
   * layout {@code ImageFolderLoader} reads. The names were checked by the walk, so nothing lands outside {@code dir}.
   *
   * @return the classes, as {@link #walk(InputStream, Visitor)}
   */
  public static List<ImageClass> extract(InputStream zip, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    return walk(zip, (image, content) -> {
      Path target = root.resolve(image.className()).resolve(image.fileName()).normalize();
      if (!target.getParent().getParent().equals(root)) {
        // unreachable after the walk's checks; kept so a future change to them cannot write outside dir
        throw Problems.imageFolder(image.entry(), "the entry would be extracted outside the target folder");
      }
      Files.createDirectories(target.getParent());
      Files.copy(content, target);
    });
  }

  /** True for the file names the image-folder format holds: {@code .png}, {@code .jpg}, {@code .jpeg}. */
  public static boolean isImageName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** The state of one pass: the layout set by the first image, the names seen, the counts per class. */
  private static final class Walk {

    private final Limits limits;
    /** Digests of the names seen: a fixed 16 bytes each, however long the names. */
    private final Set<UUID> names = new HashSet<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<String> directories = new ArrayList<>();
    private int entries;
    private String current;
    /** The first image's depth (2: class/file, 3: top/class/file) and top folder; unset before it. */
    private int depth;
    private String top;
    private String firstImage;

    Walk(Limits limits) {
      this.limits = limits;
    }

    ZipEntry next(ZipInputStream in) throws IOException {
      try {
        ZipEntry e = in.getNextEntry();
        if (e != null) {
          current = e.getName();
        }
        return e;
      } catch (ZipException | EOFException e) {
        throw corrupt(e);
      } catch (IllegalArgumentException e) {
        // ZipInputStream reads names as UTF-8 and throws this for other bytes
        throw Problems.imageFolder("an entry name after '" + current + "' is not UTF-8 (" + e.getMessage() + ")");
      }
    }

    void accept(ZipEntry e, ZipInputStream in, Visitor visitor) throws IOException {
      String name = e.getName();
      if (++entries > limits.maxEntries()) {
        throw Problems.imageFolder(name, "the archive has more than " + limits.maxEntries() + " entries");
      }
      if (name.length() > MAX_NAME_LENGTH) {
        throw Problems.imageFolder(name.substring(0, 64) + "…", "the name is longer than " + MAX_NAME_LENGTH
            + " characters");
      }
      if (!names.add(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)))) {
        throw Problems.imageFolder(name, "the name occurs twice in the archive");
      }
      List<String> parts = segments(name);
      if (parts.get(0).equals(MACOS_METADATA) || parts.stream().anyMatch(p -> p.startsWith("."))) {
        return;
      }
      if (e.isDirectory()) {
        if (parts.size() > 3) {
          throw tooDeep(name);
        }
        directories.add(name);
        return;
      }
      if (parts.size() == 1) {
        throw Problems.imageFolder(name, "a file outside any class folder; expected <class>/<image>");
      }
      if (parts.size() > 3) {
        throw tooDeep(name);
      }
      if (firstImage == null) {
        depth = parts.size();
        top = depth == 3 ? parts.get(0) : null;
        firstImage = name;
      } else if (parts.size() != depth || (top != null && !top.equals(parts.get(0)))) {
        throw layoutDiffers(name);
      }
      String className = parts.get(parts.size() - 2);
      String fileName = parts.get(parts.size() - 1);
      if (!isImageName(fileName)) {
        throw Problems.imageFolder(name, "not an image: the class folders hold .png, .jpg or .jpeg files only");
      }
      counts.merge(className, 1L, Long::sum);
      try {
        visitor.image(new ImageEntry(name, className, fileName), new EntryContent(in, name, limits.maxEntryBytes()));
      } catch (ZipException | EOFException ex) {
        throw corrupt(ex);
      }
    }

    List<ImageClass> classes() {
      if (firstImage == null) {
        throw Problems.imageFolder("the archive holds no image; expected <class>/<image> entries (.png, .jpg, "
            + ".jpeg), optionally under one top-level folder");
      }
      // folder entries are optional in a ZIP, so they are checked once the layout is known
      for (String dir : directories) {
        List<String> parts = segments(dir);
        boolean underTop = top == null || parts.get(0).equals(top);
        int level = parts.size() - (top == null ? 0 : 1);
        if (!underTop) {
          throw layoutDiffers(dir);
        }
        if (level > 1) {
          throw tooDeep(dir);
        }
        if (level == 1 && !counts.containsKey(parts.get(parts.size() - 1))) {
          throw Problems.imageFolder(dir, "the class folder holds no image");
        }
      }
      return counts.entrySet().stream().map(c -> new ImageClass(c.getKey(), c.getValue())).toList();
    }

    private RuntimeException layoutDiffers(String name) {
      return Problems.imageFolder(name, "does not follow the layout of the first image '" + firstImage
          + "': every image must be " + (top == null ? "<class>/<image>" : top + "/<class>/<image>"));
    }

    private RuntimeException tooDeep(String name) {
      return Problems.imageFolder(name, "nested deeper than <class>/<image> (optionally under one top-level folder)");
    }

    private RuntimeException corrupt(IOException e) {
      String detail = "the ZIP data is corrupt or truncated (" + e.getMessage() + ")";
      return current == null ? Problems.imageFolder(detail) : Problems.imageFolder(current, detail);
    }
  }

  /** The path segments of an entry name, refusing names that could escape the folder they are extracted into. */
  static List<String> segments(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
        || name.matches("[A-Za-z]:/.*")) {
      throw Problems.imageFolder(name, "an absolute name or one with backslashes escapes the archive's folder");
    }
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    List<String> parts = List.of(trimmed.split("/", -1));
    for (String p : parts) {
      if (p.equals("..")) {
        throw Problems.imageFolder(name, "'..' escapes the archive's folder");
      }
      if (p.isEmpty() || p.equals(".")) {
        throw Problems.imageFolder(name, "an empty or '.' path segment");
      }
    }
    return parts;
  }

  /** Keeps the last bytes of the archive, to find its end record; closing it leaves the caller's stream open. */
  private static final class TailWatch extends FilterInputStream {

    /** The end-of-central-directory record: 22 bytes and a comment of at most 65,535. */
    private static final int TAIL = 22 + 0xffff;
    private final byte[] tail = new byte[2 * TAIL];
    private int length;

    TailWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        keep(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        keep(buf, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read rather than skip, so the tail stays the tail
      return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    private void keep(byte[] buf, int off, int n) {
      if (n >= TAIL) {
        System.arraycopy(buf, off + n - TAIL, tail, 0, TAIL);
        length = TAIL;
        return;
      }
      if (length + n > tail.length) {
        System.arraycopy(tail, length - (TAIL - n), tail, 0, TAIL - n);
        length = TAIL - n;
      }
      System.arraycopy(buf, off, tail, length, n);
      length += n;
    }

    /** True if the bytes end with {@code PK 5 6}, 18 more bytes and exactly the comment length they declare. */
    boolean endsWithEndRecord() {
      for (int i = length - 22; i >= Math.max(0, length - TAIL); i--) {
        if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
          int comment = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
          if (i + 22 + comment == length) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void close() {}
  }

  /** One entry's bytes, stopping with a 400 past the size limit; closing it leaves the archive open. */
  private static final class EntryContent extends FilterInputStream {

    private final String entry;
    private final long limit;
    private long count;

    EntryContent(InputStream in, String entry, long limit) {
      super(in);
      this.entry = entry;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) {
      count += n;
      if (count > limit) {
        throw Problems.imageFolder(entry, "the entry is larger than " + limit + " bytes");
      }
    }

    @Override
    public void close() {}
  }
}
