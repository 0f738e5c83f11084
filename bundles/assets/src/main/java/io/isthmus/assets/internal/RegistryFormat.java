package io.isthmus.assets.internal;

import io.isthmus.api.store.StoredAsset;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The registry file formats. */
enum RegistryFormat {
  CSV,
  YAML;

  /**
   * The format named, else the one the file name ends with ({@code .csv}, {@code .yaml}, {@code .yml}).
   *
   * @throws IllegalArgumentException when neither says
   */
  static RegistryFormat of(@Nullable String name, @Nullable String file) {
    String key = name != null && !name.isBlank() ? name.trim().toLowerCase(Locale.ROOT)
        : file == null ? "" : file.toLowerCase(Locale.ROOT).replaceFirst("^.*\\.", "");
    return switch (key) {
      case "csv" -> CSV;
      case "yaml", "yml" -> YAML;
      default -> throw new IllegalArgumentException(name != null && !name.isBlank()
          ? "format '" + name + "' is not csv or yaml"
          : "cannot tell the format of " + file + " from its name: use .csv, .yaml or .yml, or give the format");
    };
  }

  RegistryRead read(Reader in, String file) throws IOException {
    return this == CSV ? RegistryCsv.read(in, file) : RegistryYaml.read(in, file);
  }

  void write(List<StoredAsset> assets, Writer out) throws IOException {
    if (this == CSV) {
      RegistryCsv.write(assets, out);
    } else {
      RegistryYaml.write(assets, out);
    }
  }
}
