package io.pantau.monitor;

import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stored queries matched against one document at a time, after Lucene Monitor: each query is
 * compiled once and filed under presearch keys ({@link PresearchTerms}); a document looks up each
 * of its keys once and runs only the queries filed under them. One query that fails is reported and
 * the others still run.
 *
 * <p>Which clause of an AND a query is filed under decides how many queries a document wakes: the
 * monitor counts, for every key some stored query could be filed under, how many documents held it,
 * and files each conjunction under its rarest clause ({@link PresearchTerms#choose}). Until a key
 * has been seen in enough documents its weight leans on {@link PresearchTerms#PRIOR}; the queries
 * are filed again after 128, 1,024 and 8,192 documents, then every {@link #REFILE_MAX_STEP}.
 *
 * <p>Thread-safe: matching takes a read lock, so documents are matched in parallel (each thread
 * with its own scratch arrays); registering and removing queries take the write lock.
 */
public final class QueryMonitor {
  /** How queries are filtered before they run. */
  public enum Presearcher {
    /** Every query runs against every document: the baseline. */
    NONE,
    /** One key set per query; for AND, the best clause's set (Lucene's TermFilteredPresearcher). */
    TERM_FILTERED,
    /**
     * Up to {@link #PASSES} key sets per query, each from another AND clause, all of which must be
     * met (Lucene's MultipassTermFilteredPresearcher).
     */
    MULTIPASS
  }

  /** How a candidate query is run against the document. */
  enum Evaluation {
    /** Its {@link LuceneCompiler} form on the document's one-document index: the baseline. */
    LUCENE,
    /** Its {@link CompiledQuery} over the document's terms, Lucene only for NEAR and slop. */
    COMPILED,
    /**
     * Its {@link TermProgram}: words and exact values as ids tested against the document's marks,
     * the rest as {@link CompiledQuery} calls.
     */
    PROGRAM
  }

  static final int PASSES = 2;

  /** Documents between two re-filings once the weights have settled. */
  static final long REFILE_MAX_STEP = 65_536;

  /** How many documents' worth of evidence the prior weight of a key counts for. */
  private static final double PRIOR_DOCUMENTS = 32;

  /** How many documents held one key since it was first needed by a stored query. */
  private static final class KeyCount {
    final long since;
    final AtomicInteger documents = new AtomicInteger();
    int queries;

    KeyCount(long since) {
      this.since = since;
    }
  }

  /**
   * A stored query and its place in the filter; it runs as {@code program}, else as {@code
   * compiled}, else as {@code lucene}: only the form of the monitor's evaluation is built.
   */
  public record Registered(
      String id,
      QueryNode query,
      org.apache.lucene.search.Query lucene,
      CompiledQuery compiled,
      TermProgram program,
      int slot) {}

  /** What matching one document gave. */
  public record Result(List<Registered> matches, Map<String, String> errors, int candidates) {}

  /** A growable list of slots. */
  private static final class Slots {
    int[] items = new int[4];
    int size;

    void add(int slot) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = slot;
    }

    void remove(int slot) {
      for (int i = 0; i < size; i++) {
        if (items[i] == slot) {
          items[i] = items[--size];
          return;
        }
      }
    }
  }

  /**
   * One pass's postings, by kind of key, so a document looks up its own term strings as they are
   * (their hashes already computed) rather than building a key for each.
   */
  private static final class Filter {
    final Map<String, Slots> text = new HashMap<>();
    final Map<String, Slots> prefix = new HashMap<>();
    final Map<String, Slots> other = new HashMap<>();

    /** Slots of queries with no key set in this pass: they always pass it. */
    final Slots always = new Slots();

    private Map<String, Slots> mapOf(String key) {
      return byKind(key, text, prefix, other);
    }

    void add(String key, int slot) {
      mapOf(key).computeIfAbsent(bare(key), x -> new Slots()).add(slot);
    }

    void remove(String key, int slot) {
      Map<String, Slots> m = mapOf(key);
      String k = bare(key);
      Slots s = m.get(k);
      s.remove(slot);
      if (s.size == 0) {
        m.remove(k);
      }
    }

    /** Hands the slots filed under the document's keys (and the always-run ones) to the sink. */
    void forEach(MonitorDocument doc, java.util.function.IntConsumer sink) {
      for (int i = 0; i < always.size; i++) {
        sink.accept(always.items[i]);
      }
      each(text, doc.terms(), sink);
      each(prefix, doc.prefixes(), sink);
      each(other, doc.exactKeys(), sink);
    }

    private static void each(
        Map<String, Slots> m, List<String> keys, java.util.function.IntConsumer sink) {
      if (m.isEmpty()) {
        return;
      }
      for (String key : keys) {
        Slots ss = m.get(key);
        if (ss != null) {
          for (int i = 0; i < ss.size; i++) {
            sink.accept(ss.items[i]);
          }
        }
      }
    }
  }

  /** The map of a key's kind: document terms, term prefixes, or whole exact-value keys. */
  private static <T> Map<String, T> byKind(
      String key, Map<String, T> text, Map<String, T> prefix, Map<String, T> other) {
    if (key.startsWith(PresearchTerms.TEXT_KIND)) {
      return text;
    }
    return key.startsWith(PresearchTerms.PREFIX_KIND) ? prefix : other;
  }

  /** A key as the document lists it: terms and prefixes without their kind. */
  private static String bare(String key) {
    return key.startsWith(PresearchTerms.TEXT_KIND) || key.startsWith(PresearchTerms.PREFIX_KIND)
        ? key.substring(2)
        : key;
  }

  /** One thread's arrays: which slot was last seen in which document and pass. */
  private static final class Scratch {
    int[] seen = new int[0];
    int[] passed = new int[0];
    int[] candidates = new int[0];
    final TermProgram.Marks marks = new TermProgram.Marks();
    int stamp;
    int passStamp;
    int count;

    void fit(int slots) {
      if (seen.length < slots) {
        int n = Math.max(slots, seen.length * 2);
        seen = new int[n];
        passed = new int[n];
        candidates = new int[n];
        stamp = 0;
        passStamp = 0;
      }
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        stamp = 1;
      }
      count = 0;
    }

    /** A fresh mark for one later pass of one document. */
    int nextPass() {
      if (++passStamp == Integer.MAX_VALUE) {
        Arrays.fill(passed, 0);
        passStamp = 1;
      }
      return passStamp;
    }
  }

  private final Presearcher presearcher;
  private final Evaluation evaluation;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Registered> byId = new HashMap<>();
  private final List<Registered> slots = new ArrayList<>();
  private final List<Integer> freeSlots = new ArrayList<>();
  private final int passes;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final TermIds termIds = new TermIds();

  /** Per pass: key to the slots of the queries filed under it. */
  private final List<Filter> filters = new ArrayList<>();

  /** Per slot: what it needs (null when it always runs) and the keys it is filed under per pass. */
  private record Filed(PresearchTerms.Need need, List<Set<String>> perPass) {}

  private final Map<Integer, Filed> filed = new HashMap<>();

  /** Document counts of every key some stored query needs, by kind (as the filters are). */
  private final Map<String, KeyCount> textCounts = new HashMap<>();

  private final Map<String, KeyCount> prefixCounts = new HashMap<>();
  private final Map<String, KeyCount> otherCounts = new HashMap<>();
  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong nextRefile = new AtomicLong(128);

  public QueryMonitor(Presearcher presearcher) {
    this(presearcher, Evaluation.PROGRAM);
  }

  QueryMonitor(Presearcher presearcher, Evaluation evaluation) {
    this.presearcher = presearcher;
    this.evaluation = evaluation;
    this.passes = presearcher == Presearcher.MULTIPASS ? PASSES : 1;
    for (int p = 0; p < passes; p++) {
      filters.add(new Filter());
    }
  }

  /**
   * Adds or replaces a query.
   *
   * @throws RuntimeException when the query cannot be compiled; nothing is changed then
   */
  public void register(String id, QueryNode query) {
    CompiledQuery compiled =
        evaluation == Evaluation.COMPILED ? CompiledQuery.compile(query) : null;
    TermProgram program =
        evaluation == Evaluation.PROGRAM ? TermProgram.compile(query, termIds) : null;
    org.apache.lucene.search.Query lucene =
        evaluation == Evaluation.LUCENE ? LuceneCompiler.compile(query) : null;
    add(id, query, lucene, compiled, program);
  }

  /** Adds or replaces a query run as the given Lucene query (tests give one of their own). */
  void register(String id, QueryNode query, org.apache.lucene.search.Query lucene) {
    add(id, query, lucene, null, null);
  }

  private void add(
      String id,
      QueryNode query,
      org.apache.lucene.search.Query lucene,
      CompiledQuery compiled,
      TermProgram program) {
    PresearchTerms.Need need = PresearchTerms.need(query).orElse(null);
    lock.writeLock().lock();
    try {
      removeLocked(id);
      int slot = freeSlots.isEmpty() ? slots.size() : freeSlots.remove(freeSlots.size() - 1);
      Registered r = new Registered(id, query, lucene, compiled, program, slot);
      if (slot == slots.size()) {
        slots.add(r);
      } else {
        slots.set(slot, r);
      }
      byId.put(id, r);
      if (need != null) {
        for (String key : PresearchTerms.keys(need)) {
          byKind(key, textCounts, prefixCounts, otherCounts)
              .computeIfAbsent(bare(key), k -> new KeyCount(documents.get()))
              .queries++;
        }
      }
      file(slot, need);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Files a slot under the keys its need gives with the current weights; under the write lock. */
  private void file(int slot, PresearchTerms.Need need) {
    List<Set<String>> alternatives =
        need == null ? List.of() : PresearchTerms.alternatives(need, this::weight);
    List<Set<String>> perPass = new ArrayList<>();
    for (int p = 0; p < passes; p++) {
      Set<String> keys = keysForPass(alternatives, p);
      perPass.add(keys);
      Filter f = filters.get(p);
      if (keys.isEmpty()) {
        f.always.add(slot);
      } else {
        keys.forEach(k -> f.add(k, slot));
      }
    }
    filed.put(slot, new Filed(need, perPass));
  }

  /** Takes a slot out of the filters; under the write lock. */
  private void unfile(int slot, List<Set<String>> perPass) {
    for (int p = 0; p < passes; p++) {
      Set<String> keys = perPass.get(p);
      Filter f = filters.get(p);
      if (keys.isEmpty()) {
        f.always.remove(slot);
      }
      keys.forEach(k -> f.remove(k, slot));
    }
  }

  /**
   * The estimated share of documents holding a key: its count over the documents seen since a query
   * first needed it, with the prior weight counted as {@link #PRIOR_DOCUMENTS} documents.
   */
  private double weight(String key) {
    double prior = PresearchTerms.prior(key);
    KeyCount c = byKind(key, textCounts, prefixCounts, otherCounts).get(bare(key));
    if (c == null) {
      return prior;
    }
    double seen = documents.get() - c.since;
    return (c.documents.get() + prior * PRIOR_DOCUMENTS) / (seen + PRIOR_DOCUMENTS);
  }

  /**
   * Files every query again under the keys that are now rarest; the slots whose keys did not change
   * stay where they are.
   */
  void refile() {
    lock.writeLock().lock();
    try {
      for (Map.Entry<Integer, Filed> e : List.copyOf(filed.entrySet())) {
        Filed old = e.getValue();
        if (old.need() == null) {
          continue;
        }
        List<Set<String>> alternatives = PresearchTerms.alternatives(old.need(), this::weight);
        boolean same = true;
        for (int p = 0; p < passes && same; p++) {
          same = keysForPass(alternatives, p).equals(old.perPass().get(p));
        }
        if (!same) {
          unfile(e.getKey(), old.perPass());
          file(e.getKey(), old.need());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Counts the document's keys that stored queries need; true when it is time to re-file. */
  private boolean count(MonitorDocument doc) {
    countAll(textCounts, doc.terms());
    countAll(prefixCounts, doc.prefixes());
    countAll(otherCounts, doc.exactKeys());
    long n = documents.incrementAndGet();
    long due = nextRefile.get();
    return n >= due
        && nextRefile.compareAndSet(due, due < REFILE_MAX_STEP ? due * 8 : due + REFILE_MAX_STEP);
  }

  private static void countAll(Map<String, KeyCount> counts, List<String> keys) {
    if (counts.isEmpty()) {
      return;
    }
    for (String key : keys) {
      KeyCount c = counts.get(key);
      if (c != null) {
        c.documents.incrementAndGet();
      }
    }
  }

  private Set<String> keysForPass(List<Set<String>> alternatives, int pass) {
    if (presearcher == Presearcher.NONE || alternatives.isEmpty()) {
      return Set.of();
    }
    // A query with fewer alternatives than passes repeats its last one.
    return alternatives.get(Math.min(pass, alternatives.size() - 1));
  }

  /** Removes a query; nothing happens when there is none with that id. */
  public void remove(String id) {
    lock.writeLock().lock();
    try {
      removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void removeLocked(String id) {
    Registered r = byId.remove(id);
    if (r == null) {
      return;
    }
    Filed f = filed.remove(r.slot());
    unfile(r.slot(), f.perPass());
    if (f.need() != null) {
      for (String key : PresearchTerms.keys(f.need())) {
        Map<String, KeyCount> counts = byKind(key, textCounts, prefixCounts, otherCounts);
        String k = bare(key);
        if (--counts.get(k).queries == 0) {
          counts.remove(k);
        }
      }
    }
    slots.set(r.slot(), null);
    freeSlots.add(r.slot());
  }

  /** The ids of the stored queries. */
  Set<String> ids() {
    lock.readLock().lock();
    try {
      return Set.copyOf(byId.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs the queries the document may match; a failing query lands in the errors. */
  public Result match(MonitorDocument doc) {
    Result result;
    boolean refileDue;
    lock.readLock().lock();
    try {
      refileDue = presearcher != Presearcher.NONE && count(doc);
      Scratch s = scratch.get();
      s.fit(slots.size());
      int count = candidates(doc, s);
      if (count > 0 && evaluation == Evaluation.PROGRAM) {
        s.marks.prepare(doc, termIds, count);
      }
      List<Registered> matches = List.of();
      Map<String, String> errors = Map.of();
      for (int i = 0; i < count; i++) {
        Registered r = slots.get(s.candidates[i]);
        try {
          if (runs(r, doc, s.marks)) {
            if (matches.isEmpty()) {
              matches = new ArrayList<>();
            }
            matches.add(r);
          }
        } catch (Exception | StackOverflowError e) {
          if (errors.isEmpty()) {
            errors = new LinkedHashMap<>();
          }
          errors.put(r.id(), String.valueOf(e.getMessage()));
        }
      }
      result = new Result(List.copyOf(matches), errors, count);
    } finally {
      lock.readLock().unlock();
    }
    if (refileDue) {
      refile();
    }
    return result;
  }

  private static boolean runs(Registered r, MonitorDocument doc, TermProgram.Marks marks)
      throws java.io.IOException {
    if (r.program() != null) {
      return r.program().matches(marks);
    }
    return r.compiled() != null ? r.compiled().matches(doc) : doc.matches(r.lucene());
  }

  /**
   * Fills the scratch with the slots that pass every pass, each once, and returns their number: one
   * hash lookup per document key and pass.
   */
  private int candidates(MonitorDocument doc, Scratch s) {
    int stamp = s.stamp;
    // The first pass collects; later passes mark and the unmarked are dropped.
    filters
        .get(0)
        .forEach(
            doc,
            slot -> {
              if (s.seen[slot] != stamp) {
                s.seen[slot] = stamp;
                s.candidates[s.count++] = slot;
              }
            });
    for (int p = 1; p < passes && s.count > 0; p++) {
      int mark = s.nextPass();
      filters.get(p).forEach(doc, slot -> s.passed[slot] = mark);
      int kept = 0;
      for (int i = 0; i < s.count; i++) {
        int slot = s.candidates[i];
        if (s.passed[slot] == mark) {
          s.candidates[kept++] = slot;
        }
      }
      s.count = kept;
    }
    // Ascending slots: the order in which queries were stored, as before.
    Arrays.sort(s.candidates, 0, s.count);
    return s.count;
  }
}
