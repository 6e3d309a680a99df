import { TextInput, type TextInputProps } from "@mantine/core";

type Props = Omit<TextInputProps, "onChange" | "type"> & { value: string; onChange: (value: string) => void };

/** A required e-mail address field; addresses read left to right in every language. */
export function EmailField({ onChange, ...props }: Props) {
  return (
    <TextInput type="email" dir="ltr" required {...props} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}
