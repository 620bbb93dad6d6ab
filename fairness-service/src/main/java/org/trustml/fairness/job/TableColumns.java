package org.trustml.fairness.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.job.JobContext;
import org.trustml.core.web.ProblemException;

/** The named columns of a CSV table, read with platform-core's reader; an unknown column is a 400 naming it. */
final class TableColumns {

  private TableColumns() {}

  static Map<String, List<String>> read(InputStream in, List<String> wanted, JobContext ctx) throws IOException {
    CsvReader reader = CsvReader.open(in, CsvOptions.defaults().withRenamedDuplicateColumns(true));
    List<String> names = reader.columnNames();
    int[] index = new int[wanted.size()];
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      index[i] = names.indexOf(wanted.get(i));
      if (index[i] < 0) {
        throw ProblemException.badRequest("unknown-column", "the dataset has no column '" + wanted.get(i)
            + "'; it has " + names).with("column", wanted.get(i));
      }
      columns.put(wanted.get(i), new ArrayList<>());
    }
    long rows = 0;
    while (reader.hasNext()) {
      String[] record = reader.next();
      for (int i = 0; i < index.length; i++) {
        columns.get(wanted.get(i)).add(record[index[i]].trim());
      }
      if (++rows % 50_000 == 0) {
        ctx.checkCancelled();
        ctx.progress(0.05, "read " + rows + " rows");
      }
    }
    return columns;
  }
}
