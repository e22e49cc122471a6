package io.pantau.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A map bounded in size and in time: at most {@code maxEntries}, the least recently used going
 * first, and an entry older than its time to live reads as absent (and is dropped then). Key checks
 * are remembered here; an unbounded map kept one entry for every wrong key ever sent, so a few
 * million requests with random keys could fill the heap.
 */
final class ExpiringLru<V> {
  private record Entry<V>(V value, long untilNanos) {}

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Entry<V>> map;

  ExpiringLru(int maxEntries, long ttlNanos, LongSupplier nanoClock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries < 1");
    }
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The value, or null when there is none or it has expired. */
  synchronized V get(String key) {
    Entry<V> e = map.get(key);
    if (e == null) {
      return null;
    }
    if (nanoClock.getAsLong() - e.untilNanos() >= 0) {
      map.remove(key);
      return null;
    }
    return e.value();
  }

  synchronized void put(String key, V value) {
    map.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
  }

  synchronized void clear() {
    map.clear();
  }

  synchronized int size() {
    return map.size();
  }
}
