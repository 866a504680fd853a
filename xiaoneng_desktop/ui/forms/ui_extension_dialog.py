# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'extension_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QWidget)

class Ui_ExtensionDialog(object):
    def setupUi(self, ExtensionDialog):
        if not ExtensionDialog.objectName():
            ExtensionDialog.setObjectName(u"ExtensionDialog")
        ExtensionDialog.resize(480, 320)
        self.grid = QGridLayout(ExtensionDialog)
        self.grid.setObjectName(u"grid")
        self.document_title = QLabel(ExtensionDialog)
        self.document_title.setObjectName(u"document_title")
        self.document_title.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.document_title, 0, 0, 1, 1)

        self.document_label = QLabel(ExtensionDialog)
        self.document_label.setObjectName(u"document_label")
        self.document_label.setWordWrap(True)

        self.grid.addWidget(self.document_label, 0, 1, 1, 1)

        self.new_date_label = QLabel(ExtensionDialog)
        self.new_date_label.setObjectName(u"new_date_label")
        self.new_date_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.new_date_label, 1, 0, 1, 1)

        self.new_date = QDateEdit(ExtensionDialog)
        self.new_date.setObjectName(u"new_date")
        self.new_date.setCalendarPopup(True)

        self.grid.addWidget(self.new_date, 1, 1, 1, 1)

        self.new_date_error = QLabel(ExtensionDialog)
        self.new_date_error.setObjectName(u"new_date_error")
        self.new_date_error.setStyleSheet(u"color: #c62828;")
        self.new_date_error.setWordWrap(True)

        self.grid.addWidget(self.new_date_error, 2, 1, 1, 1)

        self.reason_label = QLabel(ExtensionDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.reason_label, 3, 0, 1, 1)

        self.reason = QLineEdit(ExtensionDialog)
        self.reason.setObjectName(u"reason")

        self.grid.addWidget(self.reason, 3, 1, 1, 1)

        self.reason_error = QLabel(ExtensionDialog)
        self.reason_error.setObjectName(u"reason_error")
        self.reason_error.setStyleSheet(u"color: #c62828;")
        self.reason_error.setWordWrap(True)

        self.grid.addWidget(self.reason_error, 4, 1, 1, 1)

        self.asked_by_label = QLabel(ExtensionDialog)
        self.asked_by_label.setObjectName(u"asked_by_label")
        self.asked_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.asked_by_label, 5, 0, 1, 1)

        self.asked_by_row = QHBoxLayout()
        self.asked_by_row.setObjectName(u"asked_by_row")
        self.asked_by = QComboBox(ExtensionDialog)
        self.asked_by.setObjectName(u"asked_by")
        self.asked_by.setEditable(True)

        self.asked_by_row.addWidget(self.asked_by)

        self.approved_by_label = QLabel(ExtensionDialog)
        self.approved_by_label.setObjectName(u"approved_by_label")
        self.approved_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.asked_by_row.addWidget(self.approved_by_label)

        self.approved_by = QComboBox(ExtensionDialog)
        self.approved_by.setObjectName(u"approved_by")
        self.approved_by.setEditable(True)

        self.asked_by_row.addWidget(self.approved_by)


        self.grid.addLayout(self.asked_by_row, 5, 1, 1, 1)

        self.asked_by_error = QLabel(ExtensionDialog)
        self.asked_by_error.setObjectName(u"asked_by_error")
        self.asked_by_error.setStyleSheet(u"color: #c62828;")
        self.asked_by_error.setWordWrap(True)

        self.grid.addWidget(self.asked_by_error, 6, 1, 1, 1)

        self.approved_by_error = QLabel(ExtensionDialog)
        self.approved_by_error.setObjectName(u"approved_by_error")
        self.approved_by_error.setStyleSheet(u"color: #c62828;")
        self.approved_by_error.setWordWrap(True)

        self.grid.addWidget(self.approved_by_error, 7, 1, 1, 1)

        self.button_box = QDialogButtonBox(ExtensionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 8, 0, 1, 2)

        QWidget.setTabOrder(self.new_date, self.reason)
        QWidget.setTabOrder(self.reason, self.asked_by)
        QWidget.setTabOrder(self.asked_by, self.approved_by)

        self.retranslateUi(ExtensionDialog)

        QMetaObject.connectSlotsByName(ExtensionDialog)
    # setupUi

    def retranslateUi(self, ExtensionDialog):
        ExtensionDialog.setWindowTitle(QCoreApplication.translate("ExtensionDialog", u"\u7533\u8bf7\u5ef6\u671f", None))
        self.document_title.setText(QCoreApplication.translate("ExtensionDialog", u"\u6587\u4ef6", None))
        self.new_date_label.setText(QCoreApplication.translate("ExtensionDialog", u"\u5ef6\u671f\u81f3*", None))
        self.new_date.setDisplayFormat(QCoreApplication.translate("ExtensionDialog", u"yyyy-MM-dd", None))
        self.reason_label.setText(QCoreApplication.translate("ExtensionDialog", u"\u5ef6\u671f\u539f\u56e0*", None))
        self.asked_by_label.setText(QCoreApplication.translate("ExtensionDialog", u"\u7533\u8bf7\u4eba*", None))
        self.approved_by_label.setText(QCoreApplication.translate("ExtensionDialog", u"\u6279\u51c6\u4eba", None))
#if QT_CONFIG(tooltip)
        self.approved_by.setToolTip(QCoreApplication.translate("ExtensionDialog", u"\u9886\u5bfc\u5df2\u540c\u610f\u7684\u586b\u6279\u51c6\u4eba\uff1b\u7559\u7a7a\u5219\u5f85\u6279\u51c6", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

