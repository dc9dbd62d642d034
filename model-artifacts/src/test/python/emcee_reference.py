#!/usr/bin/python3
"""Reference values from Debian's python3-emcee (3.1) for LEAIN's MCMC tests.

Reads one JSON request on stdin, writes one JSON answer on stdout:
  {"task": "integrated_time", "chain": [step][walker][param]}
      -> {"tau": [...]}                 emcee.autocorr.integrated_time(chain, c=5, tol=0)
  {"task": "sample", "target": {...}, "walkers": W, "steps": N, "burn": B, "seed": S, "start": [...]}
      -> {"tau": [...], "mean": [...], "cov": [[...]], "acceptance": f, "emcee_version": "..."}
     with emcee.EnsembleSampler and the stretch move a = 2, walkers started in a ball of
     1e-3 around "start", tau and moments on chain[B:].
Targets: {"name": "gaussian", "mean": [...], "cov": [[...]]} and
         {"name": "banana", "b": b, "sigma1": s1}  (Haario et al. 1999 twisted Gaussian:
          y1 ~ N(0, s1^2), y2 = x2 - b (y1^2 - s1^2), x2 ~ N(0, 1)).
"""
import json
import sys

import emcee
import numpy as np


def log_prob_factory(target):
    """A vectorised log density: rows of x are walkers."""
    if target["name"] == "gaussian":
        mean = np.asarray(target["mean"], dtype=float)
        precision = np.linalg.inv(np.asarray(target["cov"], dtype=float))

        def log_prob(x):
            r = x - mean
            return -0.5 * np.einsum("wi,ij,wj->w", r, precision, r)
        return log_prob
    if target["name"] == "banana":
        b = float(target["b"])
        s1 = float(target["sigma1"])

        def log_prob(y):
            x2 = y[:, 1] + b * (y[:, 0] ** 2 - s1 ** 2)
            return -0.5 * (y[:, 0] / s1) ** 2 - 0.5 * x2 ** 2
        return log_prob
    raise ValueError("unknown target " + target["name"])


def main():
    request = json.load(sys.stdin)
    if request["task"] == "integrated_time":
        chain = np.asarray(request["chain"], dtype=float)
        tau = emcee.autocorr.integrated_time(chain, c=5, tol=0)
        json.dump({"tau": tau.tolist()}, sys.stdout)
        return
    if request["task"] == "sample":
        log_prob = log_prob_factory(request["target"])
        walkers = int(request["walkers"])
        steps = int(request["steps"])
        burn = int(request["burn"])
        start = np.asarray(request["start"], dtype=float)
        rng = np.random.default_rng(int(request["seed"]))
        p0 = start + 1e-3 * rng.standard_normal((walkers, start.size))
        sampler = emcee.EnsembleSampler(walkers, start.size, log_prob, moves=emcee.moves.StretchMove(a=2.0),
                                        vectorize=True)
        sampler.random_state = np.random.RandomState(int(request["seed"])).get_state()
        sampler.run_mcmc(p0, steps, progress=False)
        chain = sampler.get_chain()[burn:]
        flat = chain.reshape(-1, start.size)
        tau = emcee.autocorr.integrated_time(chain, c=5, tol=0)
        json.dump({
            "tau": tau.tolist(),
            "mean": flat.mean(axis=0).tolist(),
            "cov": np.atleast_2d(np.cov(flat, rowvar=False)).tolist(),
            "acceptance": float(np.mean(sampler.acceptance_fraction)),
            "emcee_version": emcee.__version__,
        }, sys.stdout)
        return
    raise ValueError("unknown task " + request["task"])


if __name__ == "__main__":
    main()
