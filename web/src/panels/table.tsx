import type { ComponentChildren } from 'preact';

/** A column heading; `wideOnly` columns are hidden on narrow screens (the row's own cells say so with hide-narrow). */
export type Column = ComponentChildren | { label: ComponentChildren; wideOnly: true };

/** A table that scrolls sideways inside its panel rather than widening the page, with its column headings. */
export function Table({ caption, columns, children }: { caption?: string; columns: Column[]; children: ComponentChildren }) {
  return (
    <div class="scroll">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === 'object' && column !== null && 'wideOnly' in column ? (
                <th key={i} scope="col" class="hide-narrow">
                  {column.label}
                </th>
              ) : (
                <th key={i} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const wideOnly = (label: ComponentChildren): Column => ({ label, wideOnly: true });
