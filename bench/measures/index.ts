/** The measures of issue 6 (and 7: drift, issue 14), in the order BENCHMARKS.md shows them. */
import type { Measure } from "../framework/measure";
import { driftScanMeasure } from "./driftScan";
import { fakeLoadMeasure } from "./fakeLoad";
import { fakeWorstRequestMeasure } from "./fakeWorstRequest";
import { hostMemoryMeasure } from "./hostMemory";
import { hostStartupMeasure } from "./hostStartup";
import { roundTripsMeasure } from "./roundTrips";
import { stateSizeMeasure } from "./stateSize";
import { throughputMeasure } from "./throughput";

export const MEASURES: Measure[] = [roundTripsMeasure, throughputMeasure, stateSizeMeasure, hostStartupMeasure, fakeLoadMeasure, fakeWorstRequestMeasure, hostMemoryMeasure, driftScanMeasure];
