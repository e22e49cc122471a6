package io.pantau.article;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of ints held in an {@code int[]}: a MinHash signature is 128 of them, and as a
 * list of boxed {@code Integer}s each took 16 bytes plus a 4-byte reference. The story resolver
 * keeps thousands of recent signatures, and boxes made up most of its heap (seen in a class
 * histogram of a running ingest). Reads through {@link #getInt} do not box.
 */
final class IntArrayList extends AbstractList<Integer> implements RandomAccess {
  private static final IntArrayList EMPTY = new IntArrayList(new int[0]);

  private final int[] values;

  private IntArrayList(int[] values) {
    this.values = values;
  }

  /** An immutable copy of {@code list}; {@code list} itself when it is one already. */
  static IntArrayList copyOf(List<Integer> list) {
    if (list instanceof IntArrayList same) {
      return same;
    }
    if (list.isEmpty()) {
      return EMPTY;
    }
    int[] values = new int[list.size()];
    int i = 0;
    for (Integer v : list) {
      values[i++] = Objects.requireNonNull(v, "null element");
    }
    return new IntArrayList(values);
  }

  /** A list of a copy of {@code values}. */
  static IntArrayList of(int[] values) {
    return values.length == 0 ? EMPTY : new IntArrayList(values.clone());
  }

  int getInt(int index) {
    return values[index];
  }

  @Override
  public Integer get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
