import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { findHiddenCharacter, hiddenCharacterMessage } from '#domain';

const firstHidden = (value: unknown, multiline: boolean): string | null => {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const found = typeof item === 'string' ? findHiddenCharacter(item, multiline) : null;
    if (found !== null) return found;
  }
  return null;
};

/**
 * Refuses strings holding control or invisible characters (NUL, ESC, CR/LF, bidi overrides, zero-width
 * characters, other Cc/Cf) with a 400 naming the field. `multiline` (descriptions, review text) lets
 * LF through. The domain rules apply the same check, so the CLI and every other door refuse them too.
 */
export function NoHiddenCharacters(
  { multiline = false }: { multiline?: boolean } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: multiline ? 'noHiddenCharactersExceptNewline' : 'noHiddenCharacters',
      validator: {
        validate: (value: unknown) => firstHidden(value, multiline) === null,
        defaultMessage: (args?: ValidationArguments) =>
          hiddenCharacterMessage(
            args?.property ?? 'value',
            firstHidden(args?.value, multiline) ?? '?',
            multiline,
          ),
      },
    },
    validationOptions,
  );
}
