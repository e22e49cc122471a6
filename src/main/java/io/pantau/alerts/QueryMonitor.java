package io.pantau.alerts;

import io.pantau.query.LuceneCompiler;
import io.pantau.query.Query;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stored queries matched against one document at a time, after Lucene Monitor: each query is
 * compiled once and filed under presearch keys ({@link PresearchTerms}); a document runs only the
 * queries whose keys it holds. One query that fails is reported and the others still run.
 *
 * <p>Thread-safe: matching takes a read lock, so documents are matched in parallel; registering and
 * removing queries take the write lock.
 */
final class QueryMonitor {
  /** How queries are filtered before they run. */
  enum Presearcher {
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

  static final int PASSES = 2;

  /** A compiled query and its place in the filter. */
  record Registered(String id, Query query, org.apache.lucene.search.Query lucene, int slot) {}

  /** What matching one document gave. */
  record Result(List<Registered> matches, Map<String, String> errors, int candidates) {}

  private final Presearcher presearcher;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Registered> byId = new HashMap<>();
  private final List<Registered> slots = new ArrayList<>();
  private final List<Integer> freeSlots = new ArrayList<>();
  private final int passes;

  /** Per pass: key to the slots of the queries filed under it. */
  private final List<Map<String, BitSet>> postings = new ArrayList<>();

  /** Per pass: the slots of queries that have no key set in that pass and always run. */
  private final List<BitSet> always = new ArrayList<>();

  /** Per slot and pass: the keys it is filed under, to unfile it. */
  private final Map<Integer, List<Set<String>>> filed = new HashMap<>();

  QueryMonitor(Presearcher presearcher) {
    this.presearcher = presearcher;
    this.passes = presearcher == Presearcher.MULTIPASS ? PASSES : 1;
    for (int p = 0; p < passes; p++) {
      postings.add(new HashMap<>());
      always.add(new BitSet());
    }
  }

  /**
   * Adds or replaces a query.
   *
   * @throws RuntimeException when the query cannot be compiled; nothing is changed then
   */
  void register(String id, Query query) {
    register(id, query, LuceneCompiler.compile(query));
  }

  /** Adds or replaces a query with its compiled form (tests give one of their own). */
  void register(String id, Query query, org.apache.lucene.search.Query lucene) {
    List<Set<String>> alternatives = PresearchTerms.alternatives(query);
    lock.writeLock().lock();
    try {
      removeLocked(id);
      int slot = freeSlots.isEmpty() ? slots.size() : freeSlots.remove(freeSlots.size() - 1);
      Registered r = new Registered(id, query, lucene, slot);
      if (slot == slots.size()) {
        slots.add(r);
      } else {
        slots.set(slot, r);
      }
      byId.put(id, r);
      List<Set<String>> perPass = new ArrayList<>();
      for (int p = 0; p < passes; p++) {
        Set<String> keys = keysForPass(alternatives, p);
        perPass.add(keys);
        if (keys.isEmpty()) {
          always.get(p).set(slot);
        } else {
          Map<String, BitSet> m = postings.get(p);
          keys.forEach(k -> m.computeIfAbsent(k, x -> new BitSet()).set(slot));
        }
      }
      filed.put(slot, perPass);
    } finally {
      lock.writeLock().unlock();
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
  void remove(String id) {
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
    List<Set<String>> perPass = filed.remove(r.slot());
    for (int p = 0; p < passes; p++) {
      always.get(p).clear(r.slot());
      Map<String, BitSet> m = postings.get(p);
      for (String k : perPass.get(p)) {
        BitSet b = m.get(k);
        b.clear(r.slot());
        if (b.isEmpty()) {
          m.remove(k);
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

  int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs the queries the document may match; a failing query lands in the errors. */
  Result match(MonitorDocument doc) {
    lock.readLock().lock();
    try {
      BitSet candidates = null;
      for (int p = 0; p < passes; p++) {
        BitSet pass = (BitSet) always.get(p).clone();
        Map<String, BitSet> m = postings.get(p);
        for (String k : doc.keys()) {
          BitSet b = m.get(k);
          if (b != null) {
            pass.or(b);
          }
        }
        if (candidates == null) {
          candidates = pass;
        } else {
          candidates.and(pass);
        }
      }
      List<Registered> matches = new ArrayList<>();
      Map<String, String> errors = new LinkedHashMap<>();
      int count = 0;
      for (int s = candidates.nextSetBit(0); s >= 0; s = candidates.nextSetBit(s + 1)) {
        Registered r = slots.get(s);
        count++;
        try {
          if (doc.matches(r.lucene())) {
            matches.add(r);
          }
        } catch (Exception | StackOverflowError e) {
          errors.put(r.id(), String.valueOf(e.getMessage()));
        }
      }
      return new Result(List.copyOf(matches), errors, count);
    } finally {
      lock.readLock().unlock();
    }
  }
}
