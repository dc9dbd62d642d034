package org.leain.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.hostile.HostileCase.Owner;

/**
 * Well-formed Avro records whose content breaks the contract: spectra off the sphere, with
 * wavelengths out of order, arrays of different lengths, impossible redshifts or bad ids (the
 * stream's validation owns them); candidates whose skymap columns break the NUNIQ contract
 * ({@code GwCandidates.toSkymap} owns them). NaN, infinite or negative flux errors on bins the mask
 * marks unusable are a documented no-op: the mask says not to use those bins.
 */
final class ContentCases {

  private ContentCases() {}

  static void addTo(CaseList cases) {
    spectra(cases);
    candidates(cases);
  }

  private static void spectrum(CaseList cases, String name, String expected, String description,
      Consumer<Spectrum> mutation) {
    Spectrum s = Templates.spectrum();
    mutation.accept(s);
    cases.add("spectrum-" + name, AvroCases.SPECTRA, Templates.SPECTRUM_ID, Owner.STREAM_VALIDATION, expected,
        expected.equals("NO_OP") ? null : expected, description, AvroCodec.of(Spectrum.class).encode(s));
  }

  private static void spectra(CaseList cases) {
    double[][] positions = {{400, 2.2}, {-1, 2.2}, {Double.NaN, 2.2}, {Double.POSITIVE_INFINITY, 2.2},
        {150.1, 91}, {150.1, -95}, {150.1, Double.NaN}, {150.1, Double.NEGATIVE_INFINITY}};
    String[] names = {"ra-400", "ra-minus-1", "ra-nan", "ra-inf", "dec-91", "dec-minus-95", "dec-nan", "dec-minus-inf"};
    for (int k = 0; k < positions.length; k++) {
      double ra = positions[k][0];
      double dec = positions[k][1];
      spectrum(cases, names[k], "INVALID_SPECTRUM", "position (" + ra + ", " + dec + ") is off the sphere "
          + "(RA in [0, 360], Dec in [-90, 90])", s -> {
            s.setRaDeg(ra);
            s.setDecDeg(dec);
          });
    }
    spectrum(cases, "wavelength-decreasing", "INVALID_SPECTRUM", "wavelength_um bins 10 and 11 swapped", s -> {
      List<Double> w = new ArrayList<>(s.getWavelengthUm());
      w.set(10, s.getWavelengthUm().get(11));
      w.set(11, s.getWavelengthUm().get(10));
      s.setWavelengthUm(w);
    });
    spectrum(cases, "wavelength-repeated", "INVALID_SPECTRUM", "wavelength_um bin 20 repeats bin 19",
        s -> s.getWavelengthUm().set(20, s.getWavelengthUm().get(19)));
    spectrum(cases, "wavelength-negative", "INVALID_SPECTRUM", "wavelength_um bin 0 is -0.6",
        s -> s.getWavelengthUm().set(0, -0.6));
    spectrum(cases, "wavelength-nan", "INVALID_SPECTRUM", "wavelength_um bin 30 is NaN",
        s -> s.getWavelengthUm().set(30, Double.NaN));
    spectrum(cases, "wavelength-inf", "INVALID_SPECTRUM", "the last wavelength_um bin is +inf",
        s -> s.getWavelengthUm().set(Templates.BINS - 1, Double.POSITIVE_INFINITY));
    spectrum(cases, "flux-shorter", "INVALID_SPECTRUM", "flux_ujy has one bin fewer than wavelength_um",
        s -> s.setFluxUjy(new ArrayList<>(s.getFluxUjy().subList(0, Templates.BINS - 1))));
    spectrum(cases, "flux-err-longer", "INVALID_SPECTRUM", "flux_err_ujy has one bin more than wavelength_um",
        s -> s.getFluxErrUjy().add(0.05));
    spectrum(cases, "mask-empty", "INVALID_SPECTRUM", "mask is empty", s -> s.setMask(new ArrayList<>()));
    spectrum(cases, "three-bins", "INVALID_SPECTRUM", "only three bins", s -> {
      s.setWavelengthUm(new ArrayList<>(s.getWavelengthUm().subList(0, 3)));
      s.setFluxUjy(new ArrayList<>(s.getFluxUjy().subList(0, 3)));
      s.setFluxErrUjy(new ArrayList<>(s.getFluxErrUjy().subList(0, 3)));
      s.setMask(new ArrayList<>(s.getMask().subList(0, 3)));
    });
    spectrum(cases, "no-bins", "INVALID_SPECTRUM", "no bins at all", s -> {
      s.setWavelengthUm(new ArrayList<>());
      s.setFluxUjy(new ArrayList<>());
      s.setFluxErrUjy(new ArrayList<>());
      s.setMask(new ArrayList<>());
    });
    spectrum(cases, "redshift-negative", "INVALID_SPECTRUM", "redshift_spec is -1", s -> s.setRedshiftSpec(-1.0));
    spectrum(cases, "redshift-hundred", "INVALID_SPECTRUM", "redshift_spec is 100", s -> s.setRedshiftSpec(100.0));
    spectrum(cases, "redshift-nan", "INVALID_SPECTRUM", "redshift_spec is NaN", s -> s.setRedshiftSpec(Double.NaN));
    String[][] ids = {{"pipe", "a|b"}, {"space", "a b"}, {"empty", ""}, {"long", "s".repeat(129)},
        {"slash", "../spectra/x"}, {"newline", "abc\ndef"}};
    for (String[] id : ids) {
      Spectrum s = Templates.spectrum();
      s.setSpectrumId(id[1]);
      cases.add("spectrum-id-" + id[0], AvroCases.SPECTRA, id[1], Owner.STREAM_VALIDATION, "INVALID_ID", "INVALID_ID",
          "spectrum_id " + Templates.JSON.valueToTree(id[1]) + " breaks [A-Za-z0-9._:-]{1,128}",
          AvroCodec.of(Spectrum.class).encode(s));
    }
    cases.add("spectrum-key-mismatch", AvroCases.SPECTRA, "another-spectrum", Owner.STREAM_VALIDATION,
        "INVALID_RECORD", "INVALID_RECORD", "the record key differs from spectrum_id",
        AvroCodec.of(Spectrum.class).encode(Templates.spectrum()));
    double[] errors = {Double.NaN, Double.POSITIVE_INFINITY, -0.05, 0};
    String[] errorNames = {"nan", "inf", "negative", "zero"};
    for (int k = 0; k < errors.length; k++) {
      double e = errors[k];
      spectrum(cases, "masked-error-" + errorNames[k], "NO_OP", "flux_err_ujy bins 3-5 are " + e
          + " and the mask marks them unusable (n_masked 3): a valid spectrum, the bins are ignored", s -> {
            for (int i = 3; i <= 5; i++) {
              s.getFluxErrUjy().set(i, e);
              s.getMask().set(i, false);
            }
            s.setNMasked(3);
          });
    }
  }

  private static void candidate(CaseList cases, String name, String expected, String description,
      Consumer<MultiOrderSkymap> mutation) {
    GwCandidate c = Templates.candidate();
    mutation.accept(c.getSkymap());
    cases.add(new HostileCase("candidate-skymap-" + name, AvroCases.CANDIDATES, Templates.SUPEREVENT_ID,
        Owner.CANDIDATE_SKYMAP, expected, null, "INVALID_SKYMAP", description, null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of()), AvroCodec.of(GwCandidate.class).encode(c));
  }

  private static void candidates(CaseList cases) {
    candidate(cases, "probdensity-shorter", "LENGTH_MISMATCH", "probdensity_per_sr has one entry fewer than uniq",
        m -> m.getProbdensityPerSr().remove(m.getProbdensityPerSr().size() - 1));
    candidate(cases, "distmu-longer", "LENGTH_MISMATCH", "distmu_mpc has one entry more than uniq",
        m -> m.getDistmuMpc().add(100.0));
    candidate(cases, "uniq-zero", "INVALID_UNIQ", "uniq[7] is 0", m -> m.getUniq().set(7, 0L));
    candidate(cases, "uniq-order-thirty", "INVALID_UNIQ", "uniq[7] is 4*4^30",
        m -> m.getUniq().set(7, 4L * (1L << 60)));
    candidate(cases, "duplicate-pixel", "NOT_A_TILING", "uniq[1] repeats uniq[0]",
        m -> m.getUniq().set(1, m.getUniq().get(0)));
    candidate(cases, "density-nan", "BAD_DENSITY", "probdensity_per_sr[4] is NaN",
        m -> m.getProbdensityPerSr().set(4, Double.NaN));
    candidate(cases, "density-negative", "BAD_DENSITY", "probdensity_per_sr[4] is -1",
        m -> m.getProbdensityPerSr().set(4, -1.0));
    candidate(cases, "density-doubled", "NOT_NORMALISED", "every density doubled: probabilities sum to 2", m -> {
      for (int i = 0; i < m.getProbdensityPerSr().size(); i++) {
        m.getProbdensityPerSr().set(i, 2 * m.getProbdensityPerSr().get(i));
      }
    });
    GwCandidate bad = Templates.candidate();
    bad.setSupereventId("MS99|1231");
    cases.add("candidate-id-pipe", AvroCases.CANDIDATES, "MS99|1231", Owner.STREAM_VALIDATION, "INVALID_ID",
        "INVALID_ID", "superevent_id holds '|', the key separator", AvroCodec.of(GwCandidate.class).encode(bad));
    GwCandidate zero = Templates.candidate();
    zero.setVersion(0);
    cases.add("candidate-version-zero", AvroCases.CANDIDATES, Templates.SUPEREVENT_ID, Owner.STREAM_VALIDATION,
        "INVALID_RECORD", "INVALID_RECORD", "version 0 (versions start at 1)",
        AvroCodec.of(GwCandidate.class).encode(zero));
    cases.add("candidate-key-mismatch", AvroCases.CANDIDATES, "MS000000aa", Owner.STREAM_VALIDATION,
        "INVALID_RECORD", "INVALID_RECORD", "the record key differs from superevent_id",
        AvroCodec.of(GwCandidate.class).encode(Templates.candidate()));
  }
}
