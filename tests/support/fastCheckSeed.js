// Property tests run on a fixed seed, so CI is repeatable and a failure reproduces as is. To explore new inputs,
// run with FAST_CHECK_SEED=random (or a number); a failure prints its seed, which reproduces it here.
const fc = require("fast-check");

const wanted = process.env.FAST_CHECK_SEED;
if (wanted !== "random") fc.configureGlobal({ seed: wanted ? Number(wanted) : 20261122 });
