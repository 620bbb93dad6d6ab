package org.trustml.fhe.client.cli;

/** A command line the CLI cannot run: the message says what is wrong; exit status 2. */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
