package io.isthmus.capture.internal.decode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The columns of one row of Zeek's {@code weird} log after {@code id.*}, in its order: name, addl,
 * notice, peer, source (left out when unknown). Five fields rather than a hash map, since a damaged
 * capture can make every tenth row a weird.
 */
final class WeirdRow extends AbstractMap<String, @Nullable Object> {
  private static final String[] NAMES = {"name", "addl", "notice", "peer", "source"};

  private final Object[] values;

  WeirdRow(String name, String addl, String peer, @Nullable String source) {
    values = source == null
        ? new Object[] {name, addl, Boolean.FALSE, peer}
        : new Object[] {name, addl, Boolean.FALSE, peer, source};
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(NAMES[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(NAMES[i], values[i]);
          }
        };
      }
    };
  }
}
