import { formatDayVi, parseDayVi } from '@motcua/core';
import { useEffect, useState } from 'react';
import { uiStrings } from './i18n/strings.js';

export interface DayInputProps {
  /** ISO yyyy-mm-dd. */
  value: string;
  onChange(isoDay: string): void;
  name?: string;
  required?: boolean;
  'data-testid'?: string;
}

const INVALID = `${uiStrings['day.invalid'].vi} / ${uiStrings['day.invalid'].en}`;

/**
 * A date typed as dd/mm/yyyy, how Vietnamese offices write it, whatever language the browser runs in
 * (a native date input follows the browser's locale and shows mm/dd/yyyy on an English system). The
 * value in and out is ISO; a date that does not exist is marked invalid and not passed on.
 */
export function DayInput({ value, onChange, name, required, ...rest }: DayInputProps) {
  const [text, setText] = useState(value ? formatDayVi(value) : '');
  useEffect(() => {
    if (parseDayVi(text) !== value) setText(value ? formatDayVi(value) : '');
    // Only an outside change of the value rewrites the text; typing keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const valid = text.trim() === '' ? !required : parseDayVi(text) !== null;
  return (
    <input
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      name={name}
      required={required}
      value={text}
      aria-invalid={!valid}
      title={valid ? undefined : INVALID}
      data-testid={rest['data-testid']}
      ref={(element) => element?.setCustomValidity(valid ? '' : INVALID)}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parseDayVi(e.target.value);
        if (iso) onChange(iso);
      }}
    />
  );
}
