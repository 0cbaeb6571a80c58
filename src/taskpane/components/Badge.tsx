import type { ReactNode } from "react";
import { cls } from "../styles";

/**
 * Fluent's Badge (medium, circular) in the appearances and colours the pane uses, drawn by styles.ts: the same
 * element, type ramp and theme colours, without Fluent's styles for every size, shape, appearance and colour.
 */
export function Badge({ appearance, color, children }: { appearance: "filled" | "tint"; color: "danger" | "warning" | "informative"; children: ReactNode }) {
  const tone = appearance === "tint" ? cls.badgeTint : color === "danger" ? cls.badgeDanger : color === "warning" ? cls.badgeWarning : cls.badgeInformative;
  return <div className={`${cls.badge} ${tone}`}>{children}</div>;
}
