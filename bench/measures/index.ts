/** The measures of issues 6 and 13 (and 14: drift), in the order BENCHMARKS.md shows them. */
import type { Measure } from "../framework/measure";
import { clientCpuMeasure } from "./clientCpu";
import { driftScanMeasure } from "./driftScan";
import { fakeCpuMeasure } from "./fakeCpu";
import { fakeLoadMeasure } from "./fakeLoad";
import { fakeWorstRequestMeasure } from "./fakeWorstRequest";
import { hostMemoryMeasure } from "./hostMemory";
import { hostStartupMeasure } from "./hostStartup";
import { pulumiCliMeasure } from "./pulumiCli";
import { roundTripsMeasure } from "./roundTrips";
import { startupShareMeasure } from "./startupShare";
import { stateSizeMeasure } from "./stateSize";
import { throughputMeasure } from "./throughput";

export const MEASURES: Measure[] = [
  roundTripsMeasure, clientCpuMeasure, throughputMeasure, stateSizeMeasure, hostStartupMeasure, startupShareMeasure,
  fakeCpuMeasure, fakeLoadMeasure, fakeWorstRequestMeasure, hostMemoryMeasure, pulumiCliMeasure, driftScanMeasure,
];
