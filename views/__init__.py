"""The Streamlit side of the dashboard: one module per tab, the sidebar and the data loading.

Layout and widgets only; what is shown is computed by ``timeline`` (filters, charts, tables).
"""
