package io.pantau.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds which of a fixed set of literal strings occur in a text, in one pass over it: an
 * Aho-Corasick automaton compiled to a transition table. The rule prefilters ({@link Prefilter}) of
 * a rule set share one scanner, so a line is read once for all of them instead of once per literal
 * per rule (a JFR profile of the cleaner had 17% of its samples in those searches).
 *
 * <p>Characters that occur in no literal share one column of the table, so its width is the
 * literals' alphabet (a few dozen), not the character set.
 */
final class LiteralScanner {
  private final Map<String, Integer> ids;

  /** Column of each ASCII character; 0 for characters in no literal. */
  private final byte[] asciiColumn = new byte[128];

  /** Other characters of the literals, sorted, with their columns. */
  private final char[] wideChars;

  private final int[] wideColumns;
  private final int columns;

  /**
   * The transition table: row {@code state * columns}, one column per character class. An entry
   * holds the next state's row in its low {@link #rowBits} bits; when reaching that state finds
   * literals, the sign bit is set and the bits between hold the state's index in {@link #found}. So
   * the scan reads nothing else for the many states that find none, and never divides to get from a
   * row back to its state (single letters such as "a" are literals, so finds are frequent).
   */
  private final int[] next;

  /**
   * Literal ids found on reaching a state (its own and its suffixes'), for each state that finds
   * any, by the index its table entries carry.
   */
  private final int[][] found;

  /** The bits of a table entry that hold the next row. */
  private final int rowMask;

  private final int rowBits;

  private LiteralScanner(
      Map<String, Integer> ids,
      char[] wideChars,
      int[] wideColumns,
      int columns,
      int[] next,
      int[][] found,
      int rowBits,
      byte[] asciiColumn) {
    this.ids = ids;
    this.wideChars = wideChars;
    this.wideColumns = wideColumns;
    this.columns = columns;
    this.next = next;
    this.found = found;
    this.rowBits = rowBits;
    this.rowMask = (1 << rowBits) - 1;
    System.arraycopy(asciiColumn, 0, this.asciiColumn, 0, 128);
  }

  /** A scanner for these literals (duplicates and empty strings are ignored). */
  static LiteralScanner of(Collection<String> literals) {
    Map<String, Integer> ids = new HashMap<>();
    for (String s : new TreeSet<>(literals)) {
      if (!s.isEmpty()) {
        ids.put(s, ids.size());
      }
    }
    TreeSet<Character> alphabet = new TreeSet<>();
    ids.keySet().forEach(s -> s.chars().forEach(c -> alphabet.add((char) c)));
    if (alphabet.size() >= 127) {
      throw new IllegalArgumentException("more than 126 distinct characters in the literals");
    }
    byte[] ascii = new byte[128];
    List<Character> wide = new ArrayList<>();
    int column = 1;
    Map<Character, Integer> columnOf = new HashMap<>();
    for (char c : alphabet) {
      columnOf.put(c, column);
      if (c < 128) {
        ascii[c] = (byte) column;
      } else {
        wide.add(c);
      }
      column++;
    }
    int columns = column;
    char[] wideChars = new char[wide.size()];
    int[] wideColumns = new int[wide.size()];
    for (int i = 0; i < wideChars.length; i++) {
      wideChars[i] = wide.get(i);
      wideColumns[i] = columnOf.get(wide.get(i));
    }

    // the trie, with -1 for a missing child
    List<int[]> children = new ArrayList<>();
    List<List<Integer>> ends = new ArrayList<>();
    children.add(filled(columns));
    ends.add(new ArrayList<>());
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      int state = 0;
      for (int i = 0; i < e.getKey().length(); i++) {
        int col = columnOf.get(e.getKey().charAt(i));
        if (children.get(state)[col] < 0) {
          children.get(state)[col] = children.size();
          children.add(filled(columns));
          ends.add(new ArrayList<>());
        }
        state = children.get(state)[col];
      }
      ends.get(state).add(e.getValue());
    }

    // breadth first: failure links, and every missing transition filled from the failure state
    int states = children.size();
    int[] next = new int[states * columns];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int col = 0; col < columns; col++) {
      int child = children.get(0)[col];
      next[col] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      ends.get(s).addAll(ends.get(fail[s]));
      for (int col = 0; col < columns; col++) {
        int child = children.get(s)[col];
        if (child >= 0) {
          fail[child] = next[fail[s] * columns + col];
          next[s * columns + col] = child;
          queue.add(child);
        } else {
          next[s * columns + col] = next[fail[s] * columns + col];
        }
      }
    }
    // the states that find literals, numbered in order; their lists are all the scan reads
    List<int[]> foundLists = new ArrayList<>();
    int[] foundNumber = new int[states];
    for (int s = 0; s < states; s++) {
      foundNumber[s] = -1;
      if (!ends.get(s).isEmpty()) {
        foundNumber[s] = foundLists.size();
        foundLists.add(ends.get(s).stream().distinct().mapToInt(Integer::intValue).toArray());
      }
    }
    // entries as described at the table
    int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, states * columns - 1));
    if ((long) states * columns >= Integer.MAX_VALUE
        || rowBits > 30
        || foundLists.size() >= 1 << (31 - rowBits)) {
      throw new IllegalArgumentException("too many literals for one scanner");
    }
    for (int i = 0; i < next.length; i++) {
      int target = next[i];
      int number = foundNumber[target];
      next[i] = target * columns | (number < 0 ? 0 : Integer.MIN_VALUE | number << rowBits);
    }
    return new LiteralScanner(
        Map.copyOf(ids),
        wideChars,
        wideColumns,
        columns,
        next,
        foundLists.toArray(new int[0][]),
        rowBits,
        ascii);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** The id of a literal, or -1 when it is not one of this scanner's. */
  int id(String literal) {
    return ids.getOrDefault(literal, -1);
  }

  /** Which literals occur in the text: bit {@code id} of the returned words. */
  long[] scan(String text) {
    long[] present = new long[(ids.size() + 63) >>> 6];
    int row = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int col;
      if (c < 128) {
        col = asciiColumn[c];
      } else {
        int k = Arrays.binarySearch(wideChars, c);
        col = k >= 0 ? wideColumns[k] : 0;
      }
      int entry = next[row + col];
      row = entry & rowMask;
      if (entry < 0) {
        for (int id : found[(entry & Integer.MAX_VALUE) >>> rowBits]) {
          present[id >>> 6] |= 1L << id;
        }
      }
    }
    return present;
  }
}
