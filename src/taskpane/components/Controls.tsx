// Plain elements drawn like the Fluent UI components they replace (Link, Spinner, MessageBar, Switch, RadioGroup, Select), with Fluent's styles
// copied into styles.ts: each Fluent component brought its own style, context, motion and slot code for a few uses.
import { useFieldControlProps_unstable } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cls } from "../styles";

/** Fluent's Link rendered as a button: a native button, so keyboard access and focus come with it. */
export function LinkButton(props: ButtonHTMLAttributes<HTMLButtonElement> & { "data-testid"?: string }) {
  return <button type="button" {...props} className={cls.link} />;
}

/** Fluent's tiny Spinner with its label after it (role progressbar, named by the label). */
export function Spinner({ label, testId }: { label: string; testId?: string }) {
  return (
    <div role="progressbar" aria-label={label} className={cls.spinner} data-testid={testId}>
      <span className={cls.spinnerRing}>
        <span className={cls.spinnerTail} />
      </span>
      <span className={cls.spinnerLabel} aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

type Intent = "info" | "success" | "warning" | "error";

/** Fluent's filled 20px status icons (InfoFilled, CheckmarkCircleFilled, WarningFilled, DiamondDismissFilled). */
const ICONS: Record<Intent, string> = {
  info: "M18 10a8 8 0 1 0-16 0 8 8 0 0 0 16 0M9.5 8.91a.5.5 0 0 1 1 0v4.69a.5.5 0 0 1-1 0V8.9m-.25-2.16a.75.75 0 1 1 1.5 0 .75.75 0 0 1-1.5 0",
  success:
    "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65l-.07-.06a.5.5 0 0 0-.7.7l.07.07 2 2 .07.06c.17.11.4.11.56 0l.07-.06 4-4 .07-.08a.5.5 0 0 0-.06-.63",
  warning: "M7.37 3.56a3 3 0 0 1 5.26 0l5.5 10A3 3 0 0 1 15.5 18h-11a3 3 0 0 1-2.63-4.44zM10 12.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5m0-6.25a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0V7a.5.5 0 0 0-.5-.5",
  error:
    "M7.88 1.88a3 3 0 0 1 4.24 0l6 6a3 3 0 0 1 0 4.24l-6 6a3 3 0 0 1-4.24 0l-6-6a3 3 0 0 1 0-4.24zM13.1 6.9a.5.5 0 0 0-.7 0L10 9.3 7.6 6.9a.5.5 0 0 0-.7.7L9.3 10l-2.4 2.4a.5.5 0 0 0 .7.7l2.4-2.4 2.4 2.4a.5.5 0 0 0 .7-.7L10.7 10l2.4-2.4a.5.5 0 0 0 0-.7",
};

/**
 * Fluent's MessageBar with its default layout: one line while the text fits, else the multi-line layout, decided
 * from the bar's width as Fluent does (a ResizeObserver; it returns to one line once the bar is as wide as the
 * single line needed).
 */
export function MessageBar({ intent = "info", children, "data-testid": testId }: { intent?: Intent; children: ReactNode; "data-testid"?: string }) {
  const [multiline, setMultiline] = useState(false);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    let reflowing = false;
    let singleLineWidth = Number.POSITIVE_INFINITY;
    observer.current = new ResizeObserver((entries) => {
      const width = entries[0]?.borderBoxSize?.[0]?.inlineSize ?? el.getBoundingClientRect().width;
      let next = reflowing;
      if (reflowing) {
        if (width >= singleLineWidth) next = false;
      } else if (width < el.scrollWidth) {
        next = true;
        singleLineWidth = el.scrollWidth;
      }
      if (next !== reflowing) {
        reflowing = next;
        setMultiline(next);
      }
    });
    observer.current.observe(el, { box: "border-box" });
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return (
    <div ref={ref} role="group" className={`${cls.bar}${multiline ? ` ${cls.barMultiline}` : ""} cj-bar-${intent}`} data-testid={testId}>
      <div className={cls.barIcon}>
        <svg fill="currentColor" aria-hidden="true" width="1em" height="1em" viewBox="0 0 20 20" xmlns="http://www.w3.org/2000/svg">
          <path d={ICONS[intent]} />
        </svg>
      </div>
      {children}
      {multiline && <div className={cls.barSpacer} />}
    </div>
  );
}

/** The text of a MessageBar. */
export function MessageBarBody({ children }: { children: ReactNode }) {
  return <div className={cls.barBody}>{children}</div>;
}

/** Fluent's Switch: a native checkbox with role switch over a drawn track, its label after it. */
export function Switch({ label, checked, onChange, "data-testid": testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; "data-testid"?: string }) {
  const id = useId();
  return (
    <div className={cls.switchRoot}>
      <input type="checkbox" role="switch" id={id} className={cls.switchInput} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={testId} />
      <div aria-hidden="true" className={cls.switchIndicator}>
        <svg fill="currentColor" aria-hidden="true" width="1em" height="1em" viewBox="0 0 20 20" xmlns="http://www.w3.org/2000/svg">
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16" />
        </svg>
      </div>
      <label htmlFor={id} className={cls.switchLabel}>
        {label}
      </label>
    </div>
  );
}

const RadioContext = createContext<{ name: string; value: string; onChange: (value: string) => void }>({ name: "", value: "", onChange: () => undefined });

/**
 * Fluent's RadioGroup (vertical): native radio buttons sharing a name, so the arrow keys move between them; named by
 * the label of the Field around it.
 */
export function RadioGroup({ value, onChange, children }: { value: string; onChange: (value: string) => void; children: ReactNode }) {
  const name = useId();
  const props = useFieldControlProps_unstable({}, { supportsLabelFor: false });
  return (
    <div role="radiogroup" {...props} className={cls.radioGroup}>
      <RadioContext.Provider value={{ name, value, onChange }}>{children}</RadioContext.Provider>
    </div>
  );
}

/** One option of a RadioGroup, its label after the drawn circle. */
export function Radio({ value, label, "data-testid": testId }: { value: string; label: string; "data-testid"?: string }) {
  const group = useContext(RadioContext);
  const id = useId();
  return (
    <span className={cls.radio}>
      <input type="radio" id={id} name={group.name} value={value} checked={group.value === value} onChange={() => group.onChange(value)} className={cls.radioInput} data-testid={testId} />
      <div aria-hidden="true" className={cls.radioIndicator} />
      <label htmlFor={id} className={cls.radioLabel}>
        {label}
      </label>
    </span>
  );
}

/** Fluent's small outline Select: the native select (its own keyboard and list), labelled by the Field around it. */
export function Select(props: SelectHTMLAttributes<HTMLSelectElement> & { "data-testid"?: string }) {
  const control = useFieldControlProps_unstable(props, { supportsLabelFor: true, supportsRequired: true });
  return (
    <span className={cls.select}>
      <select {...control} className={cls.selectControl} />
      <span className={cls.selectIcon}>
        <svg fill="currentColor" aria-hidden="true" width="1em" height="1em" viewBox="0 0 20 20" xmlns="http://www.w3.org/2000/svg">
          <path d="M15.85 7.65c.2.2.2.5 0 .7l-5.46 5.49a.55.55 0 0 1-.78 0L4.15 8.35a.5.5 0 1 1 .7-.7L10 12.8l5.15-5.16c.2-.2.5-.2.7 0" />
        </svg>
      </span>
    </span>
  );
}
