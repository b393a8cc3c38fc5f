/** A TABLE paragraph result as an HTML table. */
import { parseTable } from "@/lib/resultData";

export function ResultTable({ data, label }: { data: string; label: string }) {
  const { header, rows } = parseTable(data);
  if (header.length === 0) return <p className="empty">Empty table.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table result-table" aria-label={label}>
        <thead>
          <tr>
            {header.map((cell, i) => (
              <th scope="col" key={i}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
