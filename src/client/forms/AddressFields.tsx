import { Group, TextInput } from "@mantine/core";
import type { Bound } from "./use-form.ts";

type Props = {
  /** The label of each field, e.g. `(k) => t(\`offers.locations.fields.${k}\`)`. */
  label: (field: "street" | "postcode" | "city") => string;
  bind: (field: "street" | "postcode" | "city") => Bound;
};

/** Street, then postcode and city side by side, with the browser's address autofill. */
export function AddressFields({ label, bind }: Props) {
  return (
    <>
      <TextInput label={label("street")} autoComplete="street-address" {...bind("street")} />
      <Group grow align="flex-start">
        <TextInput
          label={label("postcode")}
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={5}
          dir="ltr"
          {...bind("postcode")}
        />
        <TextInput label={label("city")} autoComplete="address-level2" {...bind("city")} />
      </Group>
    </>
  );
}
