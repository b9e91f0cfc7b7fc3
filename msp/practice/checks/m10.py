"""M10: "Councillors should inspect care homes themselves."

No case check: this myth is answered by the product itself (board members see
only aggregate, disclosure-controlled figures, never a case). The module is
here so every myth has one.
"""
