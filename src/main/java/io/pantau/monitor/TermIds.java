package io.pantau.monitor;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small int ids for the words and exact values that stored queries test, so that a query tests an
 * array entry of the document's marks ({@link TermProgram}) instead of hashing strings.
 *
 * <p>Ids are handed out once and never taken back: a word that the last query needing it has left
 * keeps its id (a few dozen bytes), which keeps ids stable for queries compiled concurrently.
 * Thread-safe.
 */
final class TermIds {
  /** An exact field value: the field's Lucene name and the normalised value. */
  record Exact(String field, String value) {}

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** By id: the word (a String) or the {@link Exact} value. */
  private volatile Object[] keys = new Object[1024];

  /** The id of a word, given one if it has none. */
  int word(String term) {
    return intern(term, term);
  }

  /** The id of an exact field value (the field's Lucene name and the normalised value). */
  int exact(String field, String value) {
    return intern(exactKey(field, value), new Exact(field, value));
  }

  private int intern(String key, Object what) {
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      id = ids.get(key);
      if (id == null) {
        id = next.get();
        Object[] k = keys;
        if (id >= k.length) {
          k = Arrays.copyOf(k, k.length * 2);
        }
        k[id] = what;
        keys = k;
        // Published last: whoever finds the id also finds its key.
        ids.put(key, id);
        next.incrementAndGet();
      }
      return id;
    }
  }

  /**
   * The word (a String) or {@link Exact} value of an id handed out before; a thread that got the id
   * from this object, or from a program compiled before it was stored under a lock, sees it.
   */
  Object key(int id) {
    return keys[id];
  }

  /** The id of a word, or -1 when no query has asked for it. */
  int findWord(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  /** The id of an exact field value, or -1 when no query has asked for it. */
  int findExact(String field, String value) {
    return findWord(exactKey(field, value));
  }

  /** How many ids have been handed out: every id is below this. */
  int size() {
    return next.get();
  }

  /** Analysed words never hold a NUL, so an exact value's key cannot be taken for a word. */
  private static String exactKey(String field, String value) {
    return field + '\u0000' + value;
  }
}
