// Apart from the tool so that activation registers it without loading it.

/** The tool's name in `contributes.languageModelTools`. */
export const KPI_TOOL_NAME = 'braze_kpi_series';
