package org.trustml.fhe.client.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcommand's options, {@code --name value} or a bare {@code --flag}, checked against the names the subcommand
 * knows: an unknown option, a missing value or a missing required option is a {@link UsageException} naming it.
 */
final class Args {

  private final String command;
  private final Map<String, String> values = new HashMap<>();

  private Args(String command) {
    this.command = command;
  }

  /**
   * Parses {@code args} (after the subcommand) knowing the options {@code withValue} and the flags {@code flags}.
   */
  static Args parse(String command, List<String> args, Set<String> withValue, Set<String> flags) {
    Args parsed = new Args(command);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new UsageException(command + ": unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      if (parsed.values.containsKey(name)) {
        throw new UsageException(command + ": --" + name + " given twice");
      }
      if (flags.contains(name)) {
        parsed.values.put(name, "true");
      } else if (withValue.contains(name)) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(command + ": --" + name + " needs a value");
        }
        parsed.values.put(name, args.get(++i));
      } else {
        throw new UsageException(command + ": unknown option --" + name);
      }
    }
    return parsed;
  }

  /** The value of a required option. */
  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException(command + ": --" + name + " is required");
    }
    return v;
  }

  /** The value of an option, or null. */
  String optional(String name) {
    return values.get(name);
  }

  /** Whether a flag was given. */
  boolean flag(String name) {
    return values.containsKey(name);
  }

  /** A required positive integer option. */
  int positive(String name) {
    return positive(name, required(name));
  }

  int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(command + ": --" + name + " must be a positive integer, was '" + value + "'");
  }
}
