package org.leain.load.feed;

/**
 * A direction on the sphere with helpers for angles, in radians internally and degrees at the
 * edges. Values, immutable.
 *
 * @param raDeg right ascension in [0, 360)
 * @param decDeg declination in [-90, 90]
 */
record SkyDirection(double raDeg, double decDeg) {

  SkyDirection {
    if (!(decDeg >= -90.0 && decDeg <= 90.0) || !Double.isFinite(raDeg)) {
      throw new IllegalArgumentException(
          "Expected a finite RA and a declination in [-90, 90] deg. Actual: (" + raDeg + ", " + decDeg + ")");
    }
    raDeg = ((raDeg % 360.0) + 360.0) % 360.0;
  }

  /** The angle between two directions, radians (haversine form: accurate for small angles). */
  double angleToRad(SkyDirection other) {
    double dec1 = Math.toRadians(decDeg);
    double dec2 = Math.toRadians(other.decDeg);
    double dRa = Math.toRadians(other.raDeg - raDeg);
    double h = sq(Math.sin((dec2 - dec1) / 2)) + Math.cos(dec1) * Math.cos(dec2) * sq(Math.sin(dRa / 2));
    return 2 * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /** The direction at angular distance {@code angleRad} from this one along position angle {@code bearingRad}. */
  SkyDirection offset(double angleRad, double bearingRad) {
    double dec1 = Math.toRadians(decDeg);
    double ra1 = Math.toRadians(raDeg);
    double sinDec = Math.sin(dec1) * Math.cos(angleRad) + Math.cos(dec1) * Math.sin(angleRad) * Math.cos(bearingRad);
    double dec2 = Math.asin(Math.max(-1.0, Math.min(1.0, sinDec)));
    double ra2 = ra1 + Math.atan2(Math.sin(bearingRad) * Math.sin(angleRad) * Math.cos(dec1),
        Math.cos(angleRad) - Math.sin(dec1) * sinDec);
    return new SkyDirection(Math.toDegrees(ra2), Math.toDegrees(dec2));
  }

  private static double sq(double x) {
    return x * x;
  }
}
