package org.trustml.bench.fairness;

import java.util.ArrayList;
import java.util.List;

/** The claims with what this run measured and an honest verdict. */
public final class Reach {

  private record Claim(String claim, String measured, boolean pass) {}

  private final List<Claim> claims = new ArrayList<>();

  public void add(String claim, String measured, boolean pass) {
    claims.add(new Claim(claim, measured, pass));
  }

  public String markdown() {
    StringBuilder out = new StringBuilder("| claim | measured | verdict |\n|---|---|---|\n");
    for (Claim c : claims) {
      out.append("| ").append(c.claim()).append(" | ").append(c.measured()).append(" | ")
          .append(c.pass() ? "PASS" : "FAIL").append(" |\n");
    }
    return out.toString();
  }
}
