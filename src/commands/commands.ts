// Ribbon command registration. FunctionName values in manifest.xml must match the ids associated here
// (test/manifest checks this). Registration runs at load time, in the shared runtime page, so a button press
// that arrives before the task pane ever opened still finds its handler.
import { clearMarks, validateWorkbook } from "./handlers";

Office.actions.associate("validateWorkbook", validateWorkbook);
Office.actions.associate("clearMarks", clearMarks);
