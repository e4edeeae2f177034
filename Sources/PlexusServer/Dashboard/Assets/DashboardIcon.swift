/// The dashboard's icon: a hand-drawn SVG of three linked nodes, served as `/favicon.svg` (and
/// `/favicon.ico`, which browsers ask for on their own).
enum DashboardIcon {
    static let source = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2f6fed"/>\
    <path d="M9 22 16 9l7 13z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>\
    <circle cx="16" cy="9" r="3.4" fill="#fff"/><circle cx="9" cy="22" r="3.4" fill="#fff"/><circle cx="23" cy="22" r="3.4" fill="#fff"/></svg>
    """
}
