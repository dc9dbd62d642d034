package org.leain.training;

import java.util.List;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.head.ParameterBox;

/** The prior box of a list of parameter specs (package-private bridge to the manifest's). */
final class ModelManifestBox {

  private ModelManifestBox() {}

  static ParameterBox of(List<ModelManifest.ParameterSpec> parameters) {
    return new ModelManifest("box", ModelManifest.FORMAT, null, parameters, null, null, null, null,
        null, 0, null, null, null).box();
  }
}
