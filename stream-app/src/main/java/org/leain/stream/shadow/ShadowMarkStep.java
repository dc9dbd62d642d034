package org.leain.stream.shadow;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.ParameterInfo;
import org.leain.stream.inference.InferenceTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks posteriors of shadow input ({@code shadow_injection = true}; for the injection's own pair
 * also {@code true_values} from the truth store) and guarantees that every other posterior carries
 * neither. A marked posterior replaces the unmarked one in the posterior store, so queries see
 * what the topic carries. Tombstones pass unchanged.
 */
final class ShadowMarkStep implements FixedKeyProcessor<String, DcbhPosterior, DcbhPosterior> {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowMarkStep.class);

  private FixedKeyProcessorContext<String, DcbhPosterior> context;
  private KeyValueStore<String, ShadowTruth> truths;
  private KeyValueStore<String, DcbhPosterior> posteriors;

  @Override
  public void init(FixedKeyProcessorContext<String, DcbhPosterior> context) {
    this.context = context;
    this.truths = context.getStateStore(ShadowTopology.TRUTH_STORE);
    this.posteriors = context.getStateStore(InferenceTopology.POSTERIOR_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, DcbhPosterior> record) {
    DcbhPosterior posterior = record.value();
    if (posterior == null) {
      context.forward(record);
      return;
    }
    if (!ShadowIds.involvesShadow(posterior.getSupereventId(), posterior.getSpectrumId())) {
      if (posterior.getShadowInjection() || posterior.getTrueValues() != null) {
        posterior = DcbhPosterior.newBuilder(posterior).setShadowInjection(false).setTrueValues(null).build();
      }
      context.forward(record.withValue(posterior));
      return;
    }
    ShadowTruth truth = truths.get(posterior.getAssociationId());
    List<Double> trueValues = null;
    if (truth == null && ShadowIds.isOwnPair(posterior.getSupereventId(), posterior.getSpectrumId())) {
      LOG.warn("Shadow injection {}: no truth in the global store yet; marked without true values, not counted",
          posterior.getAssociationId());
    } else if (truth != null) {
      double[] ordered = truth.inOrderOf(posterior.getParameters().stream().map(ParameterInfo::getName).toList());
      if (ordered == null) {
        LOG.warn("Shadow injection {}: the model's parameters {} are not all among the injected {}",
            posterior.getAssociationId(), posterior.getParameters().stream().map(ParameterInfo::getName).toList(),
            truth.parameters());
      } else {
        trueValues = new ArrayList<>(ordered.length);
        for (double v : ordered) {
          trueValues.add(v);
        }
      }
    }
    DcbhPosterior marked = DcbhPosterior.newBuilder(posterior).setShadowInjection(true).setTrueValues(trueValues)
        .build();
    posteriors.put(record.key(), marked);
    context.forward(record.withValue(marked));
  }
}
