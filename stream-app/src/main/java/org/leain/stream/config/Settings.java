package org.leain.stream.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed reads of layered key/value settings (file, then environment, then command-line overrides,
 * each winning over the one before); remembers which keys were read so that anything left over in
 * the file or the overrides (a typo) can be reported by name.
 */
final class Settings {
  private final Map<String, String> values;
  private final Map<String, String> environment;
  private final Map<String, String> overrides;
  private final Set<String> read = new HashSet<>();

  Settings(Map<String, String> fileValues, Map<String, String> environment, Map<String, String> overrides) {
    this.values = new TreeMap<>(fileValues);
    this.values.putAll(overrides);
    this.environment = Map.copyOf(environment);
    this.overrides = Map.copyOf(overrides);
  }

  Optional<String> optional(String key) {
    read.add(key);
    String value = overrides.get(key);
    if (value == null) {
      value = environment.get(LeainConfig.environmentName(key));
    }
    if (value == null) {
      value = values.get(key);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String string(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  String required(String key) {
    return optional(key).orElseThrow(() -> new ConfigException(key, "Expected a value. Actual: none"));
  }

  int integer(String key, int defaultValue, int min, int max) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(key, "Expected an integer in [" + min + ", " + max + "]. Actual: " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "Expected an integer. Actual: " + raw.get());
    }
  }

  double real(String key, double defaultValue, double min, double max) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw.get());
      if (!(value >= min && value <= max)) {
        throw new ConfigException(key, "Expected a number in [" + min + ", " + max + "]. Actual: " + raw.get());
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "Expected a number. Actual: " + raw.get());
    }
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, "Expected true or false. Actual: " + raw.get());
    };
  }

  /** A duration as ISO-8601 ({@code PT20M}, {@code P7D}) or a number with a unit: 50ms, 30s, 20m, 6h, 7d. */
  Optional<Duration> duration(String key) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty() || raw.get().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    String text = raw.get();
    try {
      if (text.startsWith("P") || text.startsWith("p")) {
        return Optional.of(Duration.parse(text));
      }
      int split = 0;
      while (split < text.length() && Character.isDigit(text.charAt(split))) {
        split++;
      }
      long amount = Long.parseLong(text.substring(0, split));
      Duration value = switch (text.substring(split)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> throw new NumberFormatException();
      };
      return Optional.of(value);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ConfigException(key, "Expected a duration such as 50ms, 30s, 20m, 6h, 7d or PT20M. Actual: " + text);
    }
  }

  Duration duration(String key, Duration defaultValue) {
    return duration(key).orElse(defaultValue);
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(raw.get().replace('-', '_'))) {
        return constant;
      }
    }
    throw new ConfigException(key, "Expected one of " + java.util.Arrays.toString(type.getEnumConstants())
        + ". Actual: " + raw.get());
  }

  /**
   * A secret: from the environment variable named by the setting, or from the file named by
   * {@code key + ".file"}; never from the properties file or the command line.
   */
  Optional<String> secret(String key) {
    read.add(key);
    if (values.containsKey(key)) {
      throw new ConfigException(key, "Expected the secret in environment variable " + LeainConfig.environmentName(key)
          + " or in a file named by " + key + ".file. Actual: given as a plain setting");
    }
    String fromEnvironment = environment.get(LeainConfig.environmentName(key));
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return Optional.of(fromEnvironment);
    }
    Optional<String> file = optional(key + ".file");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new ConfigException(key + ".file", "Expected a readable file. Actual: " + file.get() + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Every key starting with {@code prefix} (file, then environment {@code LEAIN_KAFKA_MAX_POLL_RECORDS}
   * style for {@code kafka.max.poll.records}, then overrides), prefix removed; marks them read.
   */
  Map<String, String> withPrefix(String prefix) {
    Map<String, String> result = new TreeMap<>();
    String environmentPrefix = LeainConfig.environmentName(prefix);
    values.forEach((key, value) -> {
      if (key.startsWith(prefix) && !overrides.containsKey(key)) {
        read.add(key);
        result.put(key.substring(prefix.length()), value);
      }
    });
    environment.forEach((name, value) -> {
      if (name.startsWith(environmentPrefix)) {
        result.put(name.substring(environmentPrefix.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value);
      }
    });
    overrides.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        read.add(key);
        result.put(key.substring(prefix.length()), value);
      }
    });
    return result;
  }

  /** Fails naming the first key that no setting read (a typo, or a setting this version lacks). */
  void rejectUnknown() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        throw new ConfigException(key, "Expected a known setting. Actual: unknown key (see LeainConfig for the list)");
      }
    }
  }
}
