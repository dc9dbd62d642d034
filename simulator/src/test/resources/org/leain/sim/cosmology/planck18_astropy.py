# Regenerates planck18_astropy.csv: luminosity distances from astropy's Planck18 (independent reference).
# Run: /usr/bin/python3 planck18_astropy.py > planck18_astropy.csv   (python3-astropy)
from astropy.cosmology import Planck18

print("z,luminosity_distance_mpc")
for z in [0.5, 1.0, 3.0, 4.463, 6.0, 9.0, 12.0]:
    print(f"{z},{Planck18.luminosity_distance(z).value!r}")
