package org.leain.sky.lvk;

import java.time.Instant;

/**
 * UTC to GPS seconds: GPS time counts SI seconds from 1980-01-06T00:00:00 UTC without leap
 * seconds, so GPS - UTC grows by one at every leap second (18 s since 2017-01-01).
 */
final class GpsTime {

  private static final long GPS_EPOCH_UNIX_S = 315_964_800L; // 1980-01-06T00:00:00Z
  // UTC instants (Unix seconds) from which one more leap second separates GPS from UTC.
  private static final long[] LEAP_SECONDS_UNIX_S = {
    362_793_600L, // 1981-07-01
    394_329_600L, // 1982-07-01
    425_865_600L, // 1983-07-01
    489_024_000L, // 1985-07-01
    567_993_600L, // 1988-01-01
    631_152_000L, // 1990-01-01
    662_688_000L, // 1991-01-01
    709_948_800L, // 1992-07-01
    741_484_800L, // 1993-07-01
    773_020_800L, // 1994-07-01
    820_454_400L, // 1996-01-01
    867_715_200L, // 1997-07-01
    915_148_800L, // 1999-01-01
    1_136_073_600L, // 2006-01-01
    1_230_768_000L, // 2009-01-01
    1_341_100_800L, // 2012-07-01
    1_435_708_800L, // 2015-07-01
    1_483_228_800L, // 2017-01-01
  };

  private GpsTime() {}

  /** GPS seconds of a UTC instant (valid from 1980; no leap second announced after 2017 to date). */
  static double ofUtc(Instant utc) {
    long unix = utc.getEpochSecond();
    int leaps = 0;
    for (long leap : LEAP_SECONDS_UNIX_S) {
      if (unix >= leap) {
        leaps++;
      }
    }
    return (unix - GPS_EPOCH_UNIX_S + leaps) + utc.getNano() * 1e-9;
  }
}
