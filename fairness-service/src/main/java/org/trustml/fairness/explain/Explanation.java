package org.trustml.fairness.explain;

import java.util.List;

/**
 * A readable account of what a model trades.
 *
 * @param text plain text, one statement per line
 * @param statements the same statements as a list (the JSON form)
 * @param facts the measured facts they were made from
 * @param phrasedBy {@code template}, or the language model that rephrased the text
 */
public record Explanation(String text, List<String> statements, TradeOff facts, String phrasedBy) {

  public Explanation {
    statements = List.copyOf(statements);
  }

  public Explanation rephrased(String newText, String model) {
    return new Explanation(newText, statements, facts, model);
  }
}
