import { type FormEvent, useState } from "react";
import { errorOf, useSubmit } from "./use-submit.ts";

/** What a text input, textarea or native select takes: value, the server's message, change handler. */
export type Bound = {
  value: string;
  error: string | undefined;
  onChange: (e: { currentTarget: { value: string } }) => void;
};

/**
 * A form's values with the submit state of `useSubmit`: `bind("name")` wires an input to its value
 * and to the server's message for that field (`bind("assignee", "assigneeUserId")` when the API
 * names it differently); `set` changes one value; `onSubmit(send)` is the form's submit handler.
 */
export function useForm<V extends Record<string, unknown>>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const submit = useSubmit();
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  const bind = (key: keyof V & string, errorKey: string = key): Bound => ({
    value: values[key] as string,
    error: errorOf(submit.fields, errorKey),
    onChange: (e) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });
  /** Prevents the browser's submit and runs `send` with busy and error state; `then` after success. */
  const onSubmit = (send: () => Promise<unknown>, then?: () => void) => async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(send)) then?.();
  };
  return { ...submit, values, setValues, set, bind, onSubmit };
}
