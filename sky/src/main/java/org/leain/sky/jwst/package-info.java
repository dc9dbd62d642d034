/**
 * Readers for JWST 1D spectra: the DAWN JWST Archive (DJA) msaexp {@code spec.fits} product
 * (binary table HDU {@code SPEC1D}: {@code wave} in um, {@code flux} and {@code err} in uJy; the
 * source position in header keys {@code SRCRA}/{@code SRCDEC}, else {@code RA_TARG}/
 * {@code DEC_TARG}, else {@code TARG_RA}/{@code TARG_DEC}) and a plain CSV of wave, flux, err
 * (position from {@code RA <deg> Dec <deg>} in a '#' comment line, or given by the caller).
 *
 * <p>Bins are never dropped: a bin whose flux is NaN or whose error is NaN, infinite or not
 * positive is marked unusable ({@code usable[i] = false}) and counted, so downstream resampling
 * sees the original grid. Both readers produce the same {@link org.leain.sky.jwst.JwstSpectrum};
 * {@link org.leain.sky.jwst.SpectrumRecords} turns it into the {@code org.leain.contracts.Spectrum}
 * Avro record.
 */
package org.leain.sky.jwst;
