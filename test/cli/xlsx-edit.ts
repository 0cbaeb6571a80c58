/** Test helper: a copy of an .xlsx with one cell's number changed, through ExcelJS (inputs for CLI tests only). */
import ExcelJS from "exceljs";

export async function mutateXlsxCell(input: string, output: string, sheet: string, address: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  await wb.xlsx.writeFile(output);
}
