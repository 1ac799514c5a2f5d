"""The dashboards (驾驶舱): a year's numbers as charts and tables, ECharts served."""
