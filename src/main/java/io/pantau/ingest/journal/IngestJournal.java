package io.pantau.ingest.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only, fsynced log of opaque records with a low-watermark checkpoint.
 *
 * <p>{@link #open} reads back what is not yet done; {@link #append} writes records and forces them
 * to disk once for the whole call (group commit: one fsync per request or batch); {@link #complete}
 * marks records done in any order, moves the watermark and deletes segments that are wholly done.
 * Thread-safe.
 */
public final class IngestJournal implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IngestJournal.class.getName());
  static final int HEADER_BYTES = 4 + 4 + 8;
  static final String CHECKPOINT = "checkpoint";
  private static final String SEGMENT_PREFIX = "segment-";
  private static final String SEGMENT_SUFFIX = ".log";

  /** The largest payload one record may carry. */
  public static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

  /**
   * Records go to disk through this one buffer, a piece at a time. A buffer the size of a whole
   * append (2.6 MB for a request of 1,000 articles) was a humongous allocation for G1, and each one
   * started a concurrent marking cycle: 13 of the 14 in a 20,000-article run. A direct buffer also
   * spares the channel its copy into a temporary direct buffer of the same size.
   */
  static final int WRITE_BUFFER_BYTES = 64 * 1024;

  /**
   * The journal holds whole submitted articles, rights-restricted text included, so it is the
   * owner's only: the directory 0700 and every file 0600, whatever the umask would give.
   */
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private static final String OWNER_DIR = "rwx------";
  private static final String OWNER_FILE = "rw-------";

  private final Path dir;
  private final long segmentBytes;
  private final Deque<Segment> segments = new ArrayDeque<>();
  private final TreeSet<Long> doneAboveWatermark = new TreeSet<>();
  private FileChannel active;
  private long watermark;
  private long nextSeq;
  private long pending;
  private final List<Record> recovered;
  private final long recoveryNanos;
  private final Object syncLock = new Object();
  private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
  private long written;
  private long synced;
  private IOException failure;

  /** One record read back: its sequence number and payload. */
  public record Record(long seq, byte[] payload) {}

  private static final class Segment {
    final Path path;
    final long firstSeq;
    long lastSeq;
    long bytes;

    Segment(Path path, long firstSeq, long lastSeq, long bytes) {
      this.path = path;
      this.firstSeq = firstSeq;
      this.lastSeq = lastSeq;
      this.bytes = bytes;
    }
  }

  private IngestJournal(Path dir, long segmentBytes) throws IOException {
    long t0 = System.nanoTime();
    this.dir = ownerOnlyDirectory(dir);
    this.segmentBytes = segmentBytes;
    this.watermark = readCheckpoint();
    this.recovered = readSegments();
    this.pending = recovered.size();
    this.nextSeq =
        Math.max(watermark, segments.isEmpty() ? watermark : segments.getLast().lastSeq + 1);
    deleteDoneSegments();
    this.recoveryNanos = System.nanoTime() - t0;
  }

  /**
   * Opens (or creates) the journal in {@code dir}, reading back every record not yet done.
   *
   * @param segmentBytes size after which a new segment file is started
   */
  public static IngestJournal open(Path dir, long segmentBytes) {
    try {
      return new IngestJournal(dir, segmentBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the ingest journal in " + dir, e);
    }
  }

  /** The records found not done when the journal was opened, in sequence order. */
  public List<Record> recovered() {
    return recovered;
  }

  /** How long opening took, reading back {@link #recovered()} included, in nanoseconds. */
  public long recoveryNanos() {
    return recoveryNanos;
  }

  /**
   * Appends the payloads and forces them to disk before returning. Concurrent callers share fsyncs
   * (group commit): one force covers every record written before it, so callers that arrive while a
   * force is running wait for the next one instead of each paying their own.
   *
   * @return the sequence number of each payload, in order
   * @throws IOException when they could not be made durable: the caller must not report them
   *     accepted (should they reach disk anyway, they are indexed once and a retry is a duplicate)
   */
  public long[] append(List<byte[]> payloads) throws IOException {
    long[] seqs = new long[payloads.size()];
    if (payloads.isEmpty()) {
      return seqs;
    }
    long end = write(payloads, seqs);
    sync(end);
    return seqs;
  }

  /** Writes the records to the active segment; returns the journal's written bytes after them. */
  private synchronized long write(List<byte[]> payloads, long[] seqs) throws IOException {
    if (failure != null) {
      throw new IOException("the journal could not be forced to disk earlier", failure);
    }
    int total = 0;
    for (byte[] p : payloads) {
      if (p.length > MAX_RECORD_BYTES) {
        throw new IllegalArgumentException("a journal record may hold at most 64 MiB");
      }
      total += HEADER_BYTES + p.length;
    }
    FileChannel ch = activeSegment();
    Segment seg = segments.getLast();
    long start = ch.size();
    ByteBuffer buf = writeBuffer.clear();
    long seq = nextSeq;
    try {
      for (int i = 0; i < payloads.size(); i++) {
        byte[] p = payloads.get(i);
        seqs[i] = seq;
        if (buf.remaining() < HEADER_BYTES) {
          drain(ch, buf);
        }
        buf.putInt(p.length).putInt(crc(seq, p)).putLong(seq);
        for (int off = 0; off < p.length; ) {
          if (!buf.hasRemaining()) {
            drain(ch, buf);
          }
          int n = Math.min(buf.remaining(), p.length - off);
          buf.put(p, off, n);
          off += n;
        }
        seq++;
      }
      drain(ch, buf);
    } catch (IOException e) {
      // Leave no half batch behind that a later append would follow.
      try {
        ch.truncate(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    seg.bytes = start + total;
    seg.lastSeq = seq - 1;
    nextSeq = seq;
    pending += payloads.size();
    written += total;
    return written;
  }

  /** Writes what the buffer holds and empties it for more. */
  private static void drain(FileChannel ch, ByteBuffer buf) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    buf.clear();
  }

  /** Returns once every byte up to {@code end} (in written-bytes terms) is on disk. */
  private void sync(long end) throws IOException {
    synchronized (syncLock) {
      if (synced >= end) {
        return;
      }
      long target;
      FileChannel ch;
      synchronized (this) {
        target = written;
        ch = active;
      }
      try {
        if (ch != null) {
          ch.force(false);
        }
      } catch (java.nio.channels.ClosedChannelException e) {
        // Rolled or deleted meanwhile: a segment is forced before it is closed.
      } catch (IOException e) {
        // After a failed fsync the page cache cannot be trusted; refuse further appends.
        synchronized (this) {
          failure = e;
        }
        throw e;
      }
      synced = target;
    }
  }

  /** Marks records done; the watermark moves past every run of done records. */
  public synchronized void complete(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    long before = watermark;
    for (long s : seqs) {
      if (s >= watermark && doneAboveWatermark.add(s)) {
        pending--;
      }
    }
    while (!doneAboveWatermark.isEmpty() && doneAboveWatermark.first() == watermark) {
      doneAboveWatermark.pollFirst();
      watermark++;
    }
    if (watermark != before) {
      writeCheckpoint();
      deleteDoneSegments();
    }
  }

  /** Records appended (or recovered) and not yet done. */
  public synchronized long pending() {
    return pending;
  }

  /** Bytes held in segment files. */
  public synchronized long sizeBytes() {
    return segments.stream().mapToLong(s -> s.bytes).sum();
  }

  /** Segment files on disk. */
  public synchronized int segmentCount() {
    return segments.size();
  }

  public Path directory() {
    return dir;
  }

  @Override
  public synchronized void close() {
    closeActive();
  }

  private FileChannel activeSegment() throws IOException {
    if (active != null && segments.getLast().bytes >= segmentBytes) {
      closeActive();
    }
    if (active == null) {
      Path path = dir.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, nextSeq, SEGMENT_SUFFIX));
      active =
          FileChannel.open(
              path,
              Set.of(
                  StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ),
              ownerOnly(OWNER_FILE));
      segments.addLast(new Segment(path, nextSeq, nextSeq - 1, 0));
      forceDirectory();
    }
    return active;
  }

  private void closeActive() {
    if (active != null) {
      try {
        active.force(false);
        active.close();
      } catch (IOException e) {
        LOG.warning("Could not force and close a journal segment: " + e);
        failure = e;
      }
      active = null;
    }
  }

  private void deleteDoneSegments() {
    while (!segments.isEmpty() && segments.getFirst().lastSeq < watermark) {
      Segment s = segments.getFirst();
      if (active != null && s == segments.getLast()) {
        closeActive();
      }
      try {
        Files.deleteIfExists(s.path);
      } catch (IOException e) {
        LOG.warning("Could not delete the done journal segment " + s.path + ": " + e);
        return;
      }
      segments.removeFirst();
    }
  }

  private List<Record> readSegments() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(SEGMENT_PREFIX) && n.endsWith(SEGMENT_SUFFIX);
                  })
              .sorted()
              .toList();
    }
    List<Record> out = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      boolean last = f == files.size() - 1;
      String name = file.getFileName().toString();
      long first =
          Long.parseLong(
              name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
      Segment seg = new Segment(file, first, first - 1, 0);
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        long size = ch.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (pos < size) {
          String problem = null;
          header.clear();
          if (size - pos < HEADER_BYTES) {
            problem = "a torn record header";
          } else {
            readFully(ch, header, pos);
            header.flip();
            int len = header.getInt();
            int crc = header.getInt();
            long seq = header.getLong();
            if (len < 0 || len > MAX_RECORD_BYTES || size - pos - HEADER_BYTES < len) {
              problem = "a torn record";
            } else {
              ByteBuffer body = ByteBuffer.allocate(len);
              readFully(ch, body, pos + HEADER_BYTES);
              byte[] payload = body.array();
              if (crc(seq, payload) != crc || seq <= seg.lastSeq && seg.bytes > 0) {
                problem = "a record whose checksum does not match";
              } else {
                if (seq >= watermark) {
                  out.add(new Record(seq, payload));
                }
                seg.lastSeq = seq;
                pos += HEADER_BYTES + len;
                seg.bytes = pos;
                continue;
              }
            }
          }
          LOG.warning(
              "Journal segment "
                  + file
                  + " ends in "
                  + problem
                  + " at byte "
                  + pos
                  + (last ? "; cutting it off (a crash during a write)" : "; skipping the rest"));
          if (last) {
            ch.truncate(pos);
            ch.force(true);
          }
          break;
        }
      }
      if (seg.bytes == 0) {
        Files.deleteIfExists(file);
      } else {
        segments.addLast(seg);
      }
    }
    return out;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of journal segment");
      }
    }
  }

  private long readCheckpoint() throws IOException {
    Path cp = dir.resolve(CHECKPOINT);
    if (!Files.exists(cp)) {
      return 0;
    }
    String text = Files.readString(cp, StandardCharsets.UTF_8).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      // A checkpoint is only an optimisation: replaying done records is safe (ids are stable).
      LOG.warning("Ignoring an unreadable journal checkpoint: " + text);
      return 0;
    }
  }

  private void writeCheckpoint() {
    Path cp = dir.resolve(CHECKPOINT);
    Path tmp = dir.resolve(CHECKPOINT + ".tmp");
    try {
      // A temporary file left by a crash keeps the mode it was made with: start afresh.
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, ownerOnly(OWNER_FILE));
      Files.writeString(tmp, Long.toString(watermark), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, cp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, cp, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Not fatal: a stale checkpoint only means more records are replayed as duplicates.
      LOG.warning("Could not write the journal checkpoint: " + e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(String mode) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }

  /**
   * Creates the directory owner-only, or makes an existing one so: a journal made by an older build
   * keeps its files, and a 0700 directory keeps them unreachable to others. Missing parents (the
   * data directory) get the usual mode: under root the embedded Elasticsearch runs as {@code
   * nobody} below the data directory and must traverse it.
   */
  private static Path ownerOnlyDirectory(Path dir) throws IOException {
    Path d = dir.toAbsolutePath();
    if (d.getParent() != null) {
      Files.createDirectories(d.getParent());
    }
    if (!Files.isDirectory(d)) {
      try {
        Files.createDirectory(d, ownerOnly(OWNER_DIR));
      } catch (FileAlreadyExistsException e) {
        // Made at the same moment by someone else: tightened below like any existing one.
      }
    }
    if (POSIX) {
      try {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(OWNER_DIR));
      } catch (IOException e) {
        // Not ours to change (a mounted volume, say): the journal still works.
        LOG.warning("Could not make the journal directory " + d + " owner-only: " + e);
      }
    }
    return d;
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the segment's own fsync still holds its data.
    }
  }

  static int crc(long seq, byte[] payload) {
    CRC32 c = new CRC32();
    c.update(ByteBuffer.allocate(8).putLong(0, seq).array());
    c.update(payload);
    return (int) c.getValue();
  }
}
