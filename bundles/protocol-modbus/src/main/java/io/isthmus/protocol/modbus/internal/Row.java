package io.isthmus.protocol.modbus.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A log row: its columns in the order they were put, in two small arrays. A row is built once,
 * written once and dropped, so a {@link java.util.LinkedHashMap}'s hash table and entry objects
 * would be work for nothing; {@link #forEach} walks the arrays without allocating.
 */
final class Row extends AbstractMap<String, Object> {
  private String[] names;
  private Object[] values;
  private int size;

  Row(int expected) {
    names = new String[expected];
    values = new Object[expected];
  }

  /** A copy of {@code other} with room for {@code more} columns. */
  Row(Row other, int more) {
    names = Arrays.copyOf(other.names, other.size + more);
    values = Arrays.copyOf(other.values, other.size + more);
    size = other.size;
  }

  /** Appends a column the row does not have yet (unchecked: the builders know their columns). */
  Row add(String name, Object value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2 + 1);
      values = Arrays.copyOf(values, size * 2 + 1);
    }
    names[size] = name;
    values[size++] = value;
    return this;
  }

  @Override
  public Object put(String name, Object value) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        Object old = values[i];
        values[i] = value;
        return old;
      }
    }
    add(name, value);
    return null;
  }

  @Override
  public Object get(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }
}
