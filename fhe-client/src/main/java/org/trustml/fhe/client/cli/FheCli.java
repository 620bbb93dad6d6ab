package org.trustml.fhe.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustml.fhe.client.BatchCrypto;
import org.trustml.fhe.client.ClientKeys;
import org.trustml.fhe.client.FheClient;
import org.trustml.fhe.client.FheProblemException;
import org.trustml.fhe.client.IdxImages;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.plan.ParameterSets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line client of fhe-service. Keys are made and kept here; only evaluation keys and ciphertexts are sent.
 * Exit status 0 on success, 1 when the server refuses or a job fails, 2 for a wrong command line.
 */
public final class FheCli {

  static final String USAGE = """
      usage: fhe [--url URL] [--api-key KEY] <command> [options]
        (--url and --api-key default to the environment variables TRUSTML_URL and TRUSTML_API_KEY)
      commands:
        keygen --params test|cryptonets --out DIR [--seed FILE] [--galois-steps 1,2,...]
        keygen --plan ID --out DIR [--seed FILE]              keys for the plan: its parameter set and rotation
                                                              steps (a latency plan needs Galois keys)
        register-keys --keys DIR                              prints the key set's id
        encrypt --plan ID --keys DIR --images IDX_FILE --count N --out FILE
                                                              MNIST IDX images -> features -> ciphertexts
        infer --plan ID --key-set ID --inputs FILE [--images N] [--wait]
                                                              uploads the batch, prints the job's id
        decrypt --keys DIR --job ID                           prints one class per image
        classify --plan ID --keys DIR --images IDX_FILE --count N
                                                              all of the above in one go (makes the keys for the
                                                              plan in DIR if it holds none)
      """;

  private static final Duration WAIT = Duration.ofMinutes(30);

  private final PrintStream out;
  private final Map<String, String> env;
  private final JsonMapper json = JsonMapper.builder().build();
  private String url;
  private String apiKey;

  FheCli(PrintStream out, Map<String, String> env) {
    this.out = out;
    this.env = env;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs the command line: 0 on success, 1 on a refusal or failure, 2 on a usage error (told on {@code err}). */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      new FheCli(out, env).dispatch(new ArrayList<>(List.of(args)));
      return 0;
    } catch (UsageException e) {
      err.println("fhe: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (FheProblemException e) {
      err.println("fhe: the server refused: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
      err.println("fhe: " + e.getMessage());
      return 1;
    }
  }

  private void dispatch(List<String> args) throws IOException {
    while (!args.isEmpty() && (args.get(0).equals("--url") || args.get(0).equals("--api-key"))) {
      if (args.size() < 2) {
        throw new UsageException(args.get(0) + " needs a value");
      }
      if (args.get(0).equals("--url")) {
        url = args.get(1);
      } else {
        apiKey = args.get(1);
      }
      args = args.subList(2, args.size());
    }
    if (args.isEmpty()) {
      throw new UsageException("no command");
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "keygen" -> keygen(Args.parse(command, rest, Set.of("params", "plan", "out", "seed", "galois-steps"),
          Set.of()));
      case "register-keys" -> out.println(client().registerKeys(ClientKeys.read(
          Path.of(Args.parse(command, rest, Set.of("keys"), Set.of()).required("keys")))));
      case "encrypt" -> encrypt(Args.parse(command, rest, Set.of("plan", "keys", "images", "count", "out"),
          Set.of()));
      case "infer" -> infer(Args.parse(command, rest, Set.of("plan", "key-set", "inputs", "images"),
          Set.of("wait")));
      case "decrypt" -> decrypt(Args.parse(command, rest, Set.of("keys", "job"), Set.of()));
      case "classify" -> classify(Args.parse(command, rest, Set.of("plan", "keys", "images", "count"), Set.of()));
      case "help", "--help", "-h" -> out.print(USAGE);
      default -> throw new UsageException("unknown command '" + command + "'");
    }
  }

  private void keygen(Args a) throws IOException {
    Path dir = Path.of(a.required("out"));
    byte[] seed = a.optional("seed") == null ? null : ClientKeys.readSeed(Path.of(a.optional("seed")));
    if (a.optional("plan") != null) {
      if (a.optional("params") != null || a.optional("galois-steps") != null) {
        throw new UsageException("keygen: --plan takes the parameter set and rotation steps from the plan; give "
            + "--plan or --params [--galois-steps], not both");
      }
      FheClient.Plan plan = client().plan(a.optional("plan"));
      ClientKeys.forPlan(plan, seed).write(dir);
      out.println("keys for plan " + plan.id() + " (" + plan.parameterSet() + ", " + plan.packing() + " packing, "
          + plan.rotationSteps().length + " Galois keys) in " + dir + " (" + ClientKeys.SECRET + " stays here; "
          + "register-keys sends the others)");
      return;
    }
    String params = a.required("params");
    if (!ParameterSets.names().contains(params)) {
      throw new UsageException("keygen: --params must be one of " + ParameterSets.names() + ", was '" + params + "'");
    }
    int[] steps = a.optional("galois-steps") == null ? new int[0] : steps(a.optional("galois-steps"));
    ClientKeys.generate(params, seed, steps).write(dir);
    out.println("keys for " + params + " in " + dir + " (" + ClientKeys.SECRET + " stays here; register-keys sends "
        + "the others)");
  }

  private static int[] steps(String list) {
    try {
      return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new UsageException("keygen: --galois-steps must be a comma-separated list of integers, was '" + list
          + "'");
    }
  }

  private void encrypt(Args a) throws IOException {
    int count = a.positive("count");
    Path images = Path.of(a.required("images"));
    Path target = Path.of(a.required("out"));
    ClientKeys keys = ClientKeys.read(Path.of(a.required("keys")));
    FheClient client = client();
    FheClient.Plan plan = client.plan(a.required("plan"));
    byte[] batch = encrypt(client, plan, keys, images, count);
    int n = IdxImages.read(images, count).count();
    Files.write(target, batch);
    Files.write(sidecar(target), json.writeValueAsBytes(Map.of("plan", plan.id(), "images", n)));
    out.println(n + " images, " + (plan.isLatency() ? n : plan.inputCount()) + " ciphertexts (" + plan.packing()
        + " packing), " + batch.length + " bytes in " + target);
  }

  private static byte[] encrypt(FheClient client, FheClient.Plan plan, ClientKeys keys, Path images, int count)
      throws IOException {
    LabelledImages read = IdxImages.read(images, count);
    double[][] features = client.features(plan).transform(read, 0, read.count());
    return BatchCrypto.encrypt(plan, keys, features);
  }

  private void infer(Args a) throws IOException {
    Path inputs = Path.of(a.required("inputs"));
    String plan = a.required("plan");
    String keySet = a.required("key-set");
    int images;
    if (a.optional("images") != null) {
      images = a.positive("images", a.optional("images"));
    } else if (Files.isRegularFile(sidecar(inputs))) {
      images = json.readTree(Files.readAllBytes(sidecar(inputs))).path("images").asInt();
    } else {
      throw new UsageException("infer: --images is required when " + sidecar(inputs) + " (written by encrypt) is "
          + "absent");
    }
    FheClient client = client();
    String sha256 = client.uploadInputs(Files.readAllBytes(inputs), plan, keySet);
    FheClient.Job job = client.infer(plan, keySet, sha256, images);
    if (a.flag("wait")) {
      job = client.awaitSuccess(job.id(), WAIT);
      out.println(job.id() + " " + job.state());
    } else {
      out.println(job.id());
    }
  }

  private void decrypt(Args a) throws IOException {
    ClientKeys keys = ClientKeys.read(Path.of(a.required("keys")));
    print(BatchCrypto.argmax(client().decryptLogits(a.required("job"), keys)));
  }

  private void classify(Args a) throws IOException {
    int count = a.positive("count");
    Path images = Path.of(a.required("images"));
    Path dir = Path.of(a.required("keys"));
    FheClient client = client();
    FheClient.Plan plan = client.plan(a.required("plan"));
    ClientKeys keys;
    if (Files.isRegularFile(dir.resolve(ClientKeys.SECRET))) {
      keys = ClientKeys.read(dir);
    } else {
      keys = ClientKeys.forPlan(plan, null);
      keys.write(dir);
    }
    List<Integer> missing = keys.missingRotations(plan.rotationSteps());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the keys in " + dir + " have no Galois keys for rotation steps " + missing
          + " of plan " + plan.id() + "; make keys for it with keygen --plan " + plan.id());
    }
    String keySet = client.registerKeys(keys);
    byte[] batch = encrypt(client, plan, keys, images, count);
    String inputs = client.uploadInputs(batch, plan.id(), keySet);
    int n = IdxImages.read(images, count).count();
    FheClient.Job job = client.awaitSuccess(client.infer(plan.id(), keySet, inputs, n).id(), WAIT);
    print(BatchCrypto.argmax(client.decryptLogits(job.id(), keys)));
  }

  private void print(int[] classes) {
    for (int c : classes) {
      out.println(c);
    }
  }

  private FheClient client() {
    String u = url != null ? url : env.get("TRUSTML_URL");
    String k = apiKey != null ? apiKey : env.get("TRUSTML_API_KEY");
    if (u == null || u.isBlank()) {
      throw new UsageException("no server: give --url or set TRUSTML_URL");
    }
    if (k == null || k.isBlank()) {
      throw new UsageException("no API key: give --api-key or set TRUSTML_API_KEY");
    }
    return new FheClient(u, k);
  }

  private static Path sidecar(Path batch) {
    return batch.resolveSibling(batch.getFileName() + ".json");
  }
}
