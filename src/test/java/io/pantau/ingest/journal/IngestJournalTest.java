package io.pantau.ingest.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJournalTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void theJournalDirectoryAndItsFilesAreTheOwnersOnly() throws IOException {
    // A data directory made by an older build or by hand, readable by everyone.
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path journal = data.resolve("journal");
    Files.createDirectories(journal);
    Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (IngestJournal j = IngestJournal.open(journal, 64)) {
      long[] seqs = j.append(payloads("one", "two", "three", "four"));
      j.complete(List.of(seqs[0]));
    }
    try (IngestJournal j = IngestJournal.open(dir.resolve("fresh").resolve("journal"), MIB)) {
      j.append(payloads("five"));
    }
    List<Path> checked = new ArrayList<>();
    for (Path root : List.of(journal, dir.resolve("fresh").resolve("journal"))) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : all.toList()) {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
          for (PosixFilePermission bit : perms) {
            assertTrue(
                bit.name().startsWith("OWNER"), p + " is " + PosixFilePermissions.toString(perms));
          }
          checked.add(p);
        }
      }
    }
    assertTrue(checked.stream().anyMatch(p -> p.getFileName().toString().startsWith("segment-")));
    assertTrue(checked.stream().anyMatch(p -> p.getFileName().toString().equals("checkpoint")));
  }

  @Test
  void recordsNotMarkedDoneAreReadBackAfterARestartInOrder() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      long[] seqs = j.append(payloads("a", "b", "c", "d"));
      assertArrayEquals(new long[] {0, 1, 2, 3}, seqs);
      j.complete(List.of(0L, 2L));
      assertEquals(2, j.pending());
    }
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      // 2 is done but above the watermark (1 is not): replaying it is allowed, losing 1 is not.
      assertEquals(List.of("b", "c", "d"), texts(j.recovered()));
      assertEquals(3, j.pending());
      long[] next = j.append(payloads("e"));
      assertEquals(4, next[0], "sequence numbers go on after a restart");
    }
  }

  @Test
  void aTornLastRecordIsCutOffAndTheRestIsKept() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      j.append(payloads("first", "second"));
    }
    Path segment = segments().get(0);
    long whole = Files.size(segment);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(whole - 3); // a crash in the middle of writing "second"
    }
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      assertEquals(List.of("first"), texts(j.recovered()));
      assertEquals(IngestJournal.HEADER_BYTES + "first".length(), Files.size(segment));
      j.append(payloads("third"));
    }
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      assertEquals(List.of("first", "third"), texts(j.recovered()));
    }
  }

  @Test
  void aTornHeaderIsCutOff() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      j.append(payloads("only"));
    }
    Path segment = segments().get(0);
    Files.write(segment, new byte[] {0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      assertEquals(List.of("only"), texts(j.recovered()));
      assertEquals(IngestJournal.HEADER_BYTES + 4, Files.size(segment));
    }
  }

  @Test
  void aRecordWhoseChecksumDoesNotMatchEndsTheReadable() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      j.append(payloads("good", "flip", "after"));
    }
    Path segment = segments().get(0);
    long secondPayload = 2L * IngestJournal.HEADER_BYTES + "good".length();
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.seek(secondPayload);
      f.write('F');
    }
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      assertEquals(List.of("good"), texts(j.recovered()));
      assertEquals(1, j.pending());
    }
  }

  @Test
  void segmentsRollAndAreDeletedOnceEveryRecordInThemIsDone() throws IOException {
    List<Long> all = new ArrayList<>();
    try (IngestJournal j = IngestJournal.open(dir, 100)) {
      for (int i = 0; i < 6; i++) {
        // 16 + 40 bytes a record: two records pass the 100-byte segment size
        for (long s : j.append(List.of(new byte[40]))) {
          all.add(s);
        }
      }
      assertEquals(3, j.segmentCount());
      assertEquals(3, segments().size());
      j.complete(List.of(1L, 0L));
      assertEquals(2, segments().size(), "the first segment is wholly done");
      j.complete(List.of(3L));
      assertEquals(2, segments().size(), "2 is not done, so the second segment stays");
      j.complete(all);
      assertEquals(0, j.pending());
      assertEquals(0, segments().size());
      assertEquals(0, j.sizeBytes());
      j.append(payloads("later"));
      assertEquals(1, segments().size());
    }
    try (IngestJournal j = IngestJournal.open(dir, 100)) {
      assertEquals(List.of("later"), texts(j.recovered()));
      assertEquals(6, j.recovered().get(0).seq());
    }
  }

  @Test
  void aMissingCheckpointOnlyMeansMoreIsReplayed() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      j.append(payloads("a", "b"));
      j.complete(List.of(0L));
    }
    Files.delete(dir.resolve(IngestJournal.CHECKPOINT));
    try (IngestJournal j = IngestJournal.open(dir, MIB)) {
      assertEquals(List.of("a", "b"), texts(j.recovered()));
    }
  }

  @Test
  void concurrentAppendsShareFsyncsAndLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 200;
    try (IngestJournal j = IngestJournal.open(dir, 4096)) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    j.append(payloads(thread + ":" + i));
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertEquals(threads * perThread, j.pending());
    }
    try (IngestJournal j = IngestJournal.open(dir, 4096)) {
      List<String> back = texts(j.recovered());
      assertEquals(threads * perThread, back.size());
      assertEquals(threads * perThread, new java.util.HashSet<>(back).size());
      for (int i = 0; i < j.recovered().size(); i++) {
        assertEquals(i, j.recovered().get(i).seq(), "sequence numbers have no gaps");
      }
    }
  }

  @Test
  void appendsLargerThanTheWriteBufferAreReadBackWhole() throws IOException {
    // records that straddle the write buffer's edges, one larger than the buffer, a header cut
    // by the edge: every byte must come back where it was
    int buffer = IngestJournal.WRITE_BUFFER_BYTES;
    List<byte[]> batch = new ArrayList<>();
    int[] sizes = {buffer - IngestJournal.HEADER_BYTES - 5, 3, 3 * buffer + 7, 0, 40_000, 40_000};
    for (int k = 0; k < sizes.length; k++) {
      byte[] p = new byte[sizes[k]];
      for (int i = 0; i < p.length; i++) {
        p[i] = (byte) (31 * i + 7 * k);
      }
      batch.add(p);
    }
    try (IngestJournal j = IngestJournal.open(dir, 64 * MIB)) {
      j.append(batch);
      j.append(List.of(batch.get(1)));
      assertEquals(
          (sizes.length + 1) * (long) IngestJournal.HEADER_BYTES
              + java.util.Arrays.stream(sizes).sum()
              + sizes[1],
          j.sizeBytes());
    }
    try (IngestJournal j = IngestJournal.open(dir, 64 * MIB)) {
      assertEquals(sizes.length + 1, j.recovered().size());
      for (int k = 0; k < sizes.length; k++) {
        assertArrayEquals(batch.get(k), j.recovered().get(k).payload(), "record " + k);
      }
      assertArrayEquals(batch.get(1), j.recovered().get(sizes.length).payload());
    }
  }

  @Test
  void anEmptyJournalRecoversNothing() throws IOException {
    try (IngestJournal j = IngestJournal.open(dir.resolve("fresh"), MIB)) {
      assertTrue(j.recovered().isEmpty());
      assertEquals(0, j.sizeBytes());
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private static List<byte[]> payloads(String... texts) {
    return Stream.of(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static List<String> texts(List<IngestJournal.Record> records) {
    return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }
}
