package org.trustml.fhe.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.SecurityStandard;
import org.trustml.fhe.job.CompileJob;
import org.trustml.fhe.job.NetworkSource;
import org.trustml.fhe.job.PlanDocument;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.plan.EvaluationPlan;
import org.trustml.fhe.plan.LatencyPlan;
import org.trustml.fhe.plan.PlanStep;

/**
 * Answers "what would this network cost encrypted?" synchronously: compiles the plan exactly as {@code fhe.compile}
 * would, takes sizes from {@link CkksSerializer}'s formulas and times from {@link OperationCosts}.
 */
@Service
public class Estimator {

  private final NetworkSource networks;
  private final OperationCosts costs = new OperationCosts();

  Estimator(NetworkSource networks) {
    this.networks = networks;
  }

  /** The estimate for {@code request} on behalf of {@code owner} (whose catalog model it may name). */
  public Estimate estimate(String owner, EstimateRequest request) {
    if ((request.model() == null) == (request.architecture() == null)) {
      throw ProblemException.badRequest("invalid-request", "give exactly one of model (a catalog id) and "
          + "architecture ({inputs, hidden, classes})").with("field", request.model() == null ? "model" : "architecture");
    }
    PolyNetwork network = request.model() != null ? networks.load(owner, request.model(), "model").network()
        : request.architecture().network();
    String what = request.model() != null ? request.model() : "architecture";
    CompileJob.Params compile = new CompileJob.Params(request.model() == null ? "architecture" : request.model(),
        request.packing(), request.parameterSet(), request.inputLogScale(), request.valueBits(),
        request.minLogScale(), request.maxFactorBits());
    EvaluationPlan plan = CompileJob.compile(compile, new NetworkSource.Loaded(what, null, network), "");
    boolean latency = PlanDocument.LATENCY.equals(compile.packing());
    int most = latency ? PlanDocument.MAX_LATENCY_IMAGES : plan.batchSize();
    if (request.images() != null && request.images() > most) {
      throw ProblemException.badRequest("invalid-request", "images must be at most " + most + " ("
          + (latency ? "images per latency request" : "the batch size") + "), was " + request.images())
          .with("field", "images");
    }
    if (latency) {
      LatencyPlan layout = CompileJob.latency(plan, what, "");
      return build(plan, PlanDocument.of("estimate", null, layout), layout,
          request.images() == null ? 1 : request.images());
    }
    return build(plan, PlanDocument.of("estimate", null, plan), null,
        request.images() == null ? plan.batchSize() : request.images());
  }

  /**
   * @param layout the latency layout, or null for throughput packing; latency times are per image, so a request of
   *     {@code images} costs that many evaluations
   */
  private Estimate build(EvaluationPlan plan, PlanDocument doc, LatencyPlan layout, int images) {
    CkksParameters params = plan.parameters();
    List<Integer> bits = new ArrayList<>();
    for (int i = 0; i <= params.maxLevel() + 1; i++) {
      bits.add(params.modulus(i).bits());
    }
    Estimate.Parameters p = new Estimate.Parameters(doc.parameterSet(), doc.parameterId(), params.logN(),
        params.slots(), params.maxLevel(), params.logQp(), SecurityStandard.maxLogQp128(params.logN()), 128, bits);
    int rotations = doc.rotationSteps().size();
    long galois = rotations == 0 ? 0 : CkksSerializer.galoisKeysBytes(params, rotations);
    long perGalois = CkksSerializer.galoisKeysBytes(params, 1) - CkksSerializer.galoisKeysBytes(params, 0);
    long publicKey = CkksSerializer.publicKeyBytes(params);
    long relin = CkksSerializer.keySwitchKeyBytes(params);
    Estimate.KeySizes keys = new Estimate.KeySizes(publicKey, relin, galois, perGalois, publicKey + relin + galois);
    long inputPk = CkksSerializer.ciphertextBytes(params, plan.inputLevel(), 2);
    Estimate.CiphertextSizes cts = new Estimate.CiphertextSizes(doc.sizes().inputCiphertext(), inputPk,
        doc.sizes().outputCiphertext(), doc.sizes().inputBatch(), doc.sizes().outputBatch());

    TreeMap<Integer, OperationCosts.AtLevel> measured = new TreeMap<>();
    List<Estimate.StepView> steps = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < plan.steps().size(); i++) {
      PlanStep s = plan.steps().get(i);
      OperationCosts.AtLevel c = measured.computeIfAbsent(s.levelIn(), l -> costs.at(params, l));
      double seconds;
      if (s.kind() == PlanStep.Kind.SQUARE) {
        seconds = (layout == null ? s.outputs() : 1) * c.squareRelinearizeRescale();
      } else if (layout == null) {
        seconds = s.scalarProducts() * c.scalarProduct() + (s.rescales() ? s.rescaleCount() * c.rescale() : 0)
            + s.constantAdditions() * c.addConstant();
      } else {
        LatencyPlan.StepCost cost = layout.stepCost(i);
        OperationCosts.AtLevel after = measured.computeIfAbsent(s.levelOut(), l -> costs.at(params, l));
        seconds = cost.hoistedRotations() * c.hoistedRotation() + cost.rotations() * c.rotation()
            + cost.plaintextProducts() * c.plaintextProduct() + (s.rescales() ? c.rescale() : 0)
            + cost.rotationsAfterRescale() * after.rotation() + after.addConstant();
      }
      seconds *= layout == null ? 1 : images;
      total += seconds;
      steps.add(new Estimate.StepView(s.kind().name().toLowerCase(java.util.Locale.ROOT), s.inputs(), s.outputs(),
          s.levelIn(), s.levelOut(), log2(s.scaleIn()), log2(s.scaleOut()), s.headroomBits(), s.operations(),
          seconds));
    }
    Estimate.Time time = new Estimate.Time("modelled: the plan's operation counts times per-operation costs "
        + "measured on this host, one thread" + (layout == null ? "" : "; latency packing: the images one after "
        + "another, each its own evaluation (the bias addition counted as a constant addition)"), total, images,
        1000 * total / images,
        List.copyOf(measured.values()));
    return new Estimate(p, doc.packing(), plan.depth(), plan.inputLevel(), plan.outputLevel(), doc.inputCount(),
        doc.outputCount(), doc.batchSize(), doc.rotationSteps(), keys, cts, doc.operations(), time, steps);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
