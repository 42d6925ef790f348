/** jest setupFiles: provider warnings that reach no engine go to providerWarnings (providerWarnings.ts), not stderr. */
import { setWarningFallback } from "../../provider/resource/previewWarnings";
import { providerWarnings } from "./providerWarnings";

setWarningFallback(providerWarnings.record);
