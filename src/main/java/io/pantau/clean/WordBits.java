package io.pantau.clean;

import java.util.Map;

/**
 * Words mapped to bit sets, looked up by a stretch of a longer string without cutting it out: the
 * stopword language guess asks once for every word of up to 4,000 characters of text, and a
 * substring and its hash per word were a fifth of that guess in a profile.
 */
final class WordBits {
  private final String[] keys;
  private final long[] bits;
  private final int mask;
  private final int longest;

  WordBits(Map<String, Long> words) {
    int capacity = Integer.highestOneBit(Math.max(4, 2 * words.size()) - 1) << 1;
    keys = new String[capacity];
    bits = new long[capacity];
    mask = capacity - 1;
    int longestKey = 0;
    for (Map.Entry<String, Long> e : words.entrySet()) {
      String key = e.getKey();
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      bits[slot] = e.getValue();
      longestKey = Math.max(longestKey, key.length());
    }
    longest = longestKey;
  }

  /** The bits of the word {@code text[start, end)}; 0 when it is not one of the words. */
  long get(String text, int start, int end) {
    int length = end - start;
    if (length > longest) {
      return 0;
    }
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i); // String.hashCode of the stretch
    }
    for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key.length() == length && text.regionMatches(start, key, 0, length)) {
        return bits[slot];
      }
    }
    return 0;
  }

  private static int spread(int hash) {
    return (hash * 0x9E3779B9) >>> 7;
  }
}
