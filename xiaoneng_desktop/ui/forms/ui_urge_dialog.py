# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'urge_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QWidget)

class Ui_UrgeDialog(object):
    def setupUi(self, UrgeDialog):
        if not UrgeDialog.objectName():
            UrgeDialog.setObjectName(u"UrgeDialog")
        UrgeDialog.resize(480, 300)
        self.grid = QGridLayout(UrgeDialog)
        self.grid.setObjectName(u"grid")
        self.document_title = QLabel(UrgeDialog)
        self.document_title.setObjectName(u"document_title")
        self.document_title.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.document_title, 0, 0, 1, 1)

        self.document_label = QLabel(UrgeDialog)
        self.document_label.setObjectName(u"document_label")
        self.document_label.setWordWrap(True)

        self.grid.addWidget(self.document_label, 0, 1, 1, 1)

        self.urged_by_label = QLabel(UrgeDialog)
        self.urged_by_label.setObjectName(u"urged_by_label")
        self.urged_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.urged_by_label, 1, 0, 1, 1)

        self.urged_by_row = QHBoxLayout()
        self.urged_by_row.setObjectName(u"urged_by_row")
        self.urged_by = QComboBox(UrgeDialog)
        self.urged_by.setObjectName(u"urged_by")
        self.urged_by.setEditable(True)

        self.urged_by_row.addWidget(self.urged_by)

        self.way_label = QLabel(UrgeDialog)
        self.way_label.setObjectName(u"way_label")
        self.way_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.urged_by_row.addWidget(self.way_label)

        self.way = QComboBox(UrgeDialog)
        self.way.setObjectName(u"way")

        self.urged_by_row.addWidget(self.way)


        self.grid.addLayout(self.urged_by_row, 1, 1, 1, 1)

        self.urged_by_error = QLabel(UrgeDialog)
        self.urged_by_error.setObjectName(u"urged_by_error")
        self.urged_by_error.setStyleSheet(u"color: #c62828;")
        self.urged_by_error.setWordWrap(True)

        self.grid.addWidget(self.urged_by_error, 2, 1, 1, 1)

        self.way_error = QLabel(UrgeDialog)
        self.way_error.setObjectName(u"way_error")
        self.way_error.setStyleSheet(u"color: #c62828;")
        self.way_error.setWordWrap(True)

        self.grid.addWidget(self.way_error, 3, 1, 1, 1)

        self.answer_label = QLabel(UrgeDialog)
        self.answer_label.setObjectName(u"answer_label")
        self.answer_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.answer_label, 4, 0, 1, 1)

        self.answer = QPlainTextEdit(UrgeDialog)
        self.answer.setObjectName(u"answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setMaximumSize(QSize(16777215, 80))

        self.grid.addWidget(self.answer, 4, 1, 1, 1)

        self.answer_error = QLabel(UrgeDialog)
        self.answer_error.setObjectName(u"answer_error")
        self.answer_error.setStyleSheet(u"color: #c62828;")
        self.answer_error.setWordWrap(True)

        self.grid.addWidget(self.answer_error, 5, 1, 1, 1)

        self.button_box = QDialogButtonBox(UrgeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 6, 0, 1, 2)

        QWidget.setTabOrder(self.urged_by, self.way)
        QWidget.setTabOrder(self.way, self.answer)

        self.retranslateUi(UrgeDialog)

        QMetaObject.connectSlotsByName(UrgeDialog)
    # setupUi

    def retranslateUi(self, UrgeDialog):
        UrgeDialog.setWindowTitle(QCoreApplication.translate("UrgeDialog", u"\u50ac\u529e", None))
        self.document_title.setText(QCoreApplication.translate("UrgeDialog", u"\u6587\u4ef6", None))
        self.urged_by_label.setText(QCoreApplication.translate("UrgeDialog", u"\u50ac\u529e\u4eba*", None))
        self.way_label.setText(QCoreApplication.translate("UrgeDialog", u"\u65b9\u5f0f*", None))
        self.answer_label.setText(QCoreApplication.translate("UrgeDialog", u"\u7b54\u590d\u60c5\u51b5", None))
    # retranslateUi

