print("exporting ledger")
